// Assimp import: raw read, raw checks, post-processing, conversion to a Model.
#include "asset/assimp_import.h"

#include "asset/assimp_log_capture.h"
#include "asset/assimp_materials.h"
#include "asset/assimp_raw_check.h"
#include "asset/model_check.h"
#include "asset/model_limits.h"
#include "core/error.h"
#include "core/text.h"

#include <assimp/BaseImporter.h>
#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <new>

namespace usine::asset {

// Import produces the scene's types.
using namespace usine::scene;
namespace {

namespace fs = std::filesystem;
using Assimp::BaseImporter;

glm::mat4 toGlm(const aiMatrix4x4& m) {
    glm::mat4 result;
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 4; ++column) result[column][row] = m[row][column];
    return result;
}

std::uint32_t packColor(const aiColor4D& c) {
    auto channel = [](float v) {
        return static_cast<std::uint32_t>(std::lround((std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 1.0f) * 255.0f));
    };
    return channel(c.r) | channel(c.g) << 8 | channel(c.b) << 16 | channel(c.a) << 24;
}

// One triangle list per Assimp mesh; counts repaired attributes for one warning per mesh.
Primitive convertMesh(const aiMesh& mesh, std::vector<std::string>& warnings) {
    Primitive primitive;
    primitive.name = mesh.mName.C_Str();
    primitive.vertices.resize(mesh.mNumVertices);
    std::size_t repaired = 0;
    for (unsigned i = 0; i < mesh.mNumVertices; ++i) {
        Vertex& v = primitive.vertices[i];
        v.position = {mesh.mVertices[i].x, mesh.mVertices[i].y, mesh.mVertices[i].z};
        if (mesh.mNormals) {
            const aiVector3D& n = mesh.mNormals[i];
            if (std::isfinite(n.x) && std::isfinite(n.y) && std::isfinite(n.z) && n.SquareLength() > 0)
                v.normal = glm::normalize(glm::vec3(n.x, n.y, n.z));
            else
                ++repaired;
        }
        if (mesh.mTextureCoords[0]) {
            const aiVector3D& uv = mesh.mTextureCoords[0][i];
            if (std::isfinite(uv.x) && std::isfinite(uv.y))
                v.uv = {uv.x, uv.y};
            else
                ++repaired;
        }
        if (mesh.mColors[0]) v.color = packColor(mesh.mColors[0][i]);
    }
    std::size_t skippedFaces = 0;
    primitive.indices.reserve(static_cast<std::size_t>(mesh.mNumFaces) * 3);
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
        const aiFace& face = mesh.mFaces[f];
        if (face.mNumIndices != 3) { // points and lines: nothing to see in a headset
            ++skippedFaces;
            continue;
        }
        primitive.indices.insert(primitive.indices.end(), face.mIndices, face.mIndices + 3);
    }
    if (repaired)
        warnings.push_back(concat("mesh '", primitive.name, "': ", repaired,
                                  " invalid normals or texture coordinates replaced"));
    if (skippedFaces)
        warnings.push_back(concat("mesh '", primitive.name, "': ", skippedFaces, " points or lines skipped"));
    return primitive;
}

// The formats we accept, by extension: those a plant or a Technocampus team exports
// (CAD tools, Blender, scanners), each with a hostile-file test. Every other Assimp
// reader is switched off, so a file is never handed to a reader for another format by
// content sniffing: less code facing untrusted bytes.
constexpr const char* kAcceptedFormats[] = {"gltf", "glb", "fbx", "obj", "dae", "ply", "stl", "off"};
constexpr const char* kAcceptedFormatsText = "glTF/GLB, FBX, OBJ, COLLADA (.dae), PLY, STL or OFF";

std::string lowerExtension(const fs::path& path) {
    std::string extension = path.extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

std::string plainAssimpError(const fs::path& path, std::string error) {
    // Assimp catches the reader's bad_alloc (its memory limit) and only keeps the text:
    // thrown again, it is reported as the memory limit it is.
    if (error.find("bad_alloc") != std::string::npos || error.find("bad_array_new_length") != std::string::npos)
        throw std::bad_alloc();
    if (error.find("No suitable reader") != std::string::npos)
        return concat(path.string(), ": not a model format Usine Ouverte reads (use ", kAcceptedFormatsText, ")");
    while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
    return concat(path.string(), ": cannot read the model: ", error);
}

void keepOnlyReadersFor(Assimp::Importer& importer, const std::string& extension) {
    // Several readers may claim one extension (glTF 1 and glTF 2 both take .gltf/.glb).
    std::vector<BaseImporter*> others;
    for (std::size_t i = 0; i < importer.GetImporterCount(); ++i) {
        std::set<std::string> extensions;
        importer.GetImporter(i)->GetExtensionList(extensions);
        if (!extensions.count(extension)) others.push_back(importer.GetImporter(i));
    }
    for (BaseImporter* reader : others) {
        // Unregistered readers are no longer the Importer's to delete.
        if (importer.UnregisterLoader(reader) == AI_SUCCESS) delete reader;
    }
}

void checkFile(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw UserError(concat(path.string(), ": file not found"));
    if (!fs::is_regular_file(path, ec)) throw UserError(concat(path.string(), ": not a regular file"));
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) throw UserError(concat(path.string(), ": cannot read (", ec.message(), ")"));
    if (size == 0) throw UserError(concat(path.string(), ": the file is empty (0 bytes)"));
    if (size > kMaxFileBytes) throw UserError(concat(path.string(), ": the file is larger than 4 GiB"));
    const std::string extension = lowerExtension(path);
    if (std::find(std::begin(kAcceptedFormats), std::end(kAcceptedFormats), extension) == std::end(kAcceptedFormats))
        throw UserError(concat(path.string(), ": not a model format Usine Ouverte reads (use ", kAcceptedFormatsText,
                               ")"));
}

} // namespace

Model importWithAssimp(const fs::path& path) {
    checkFile(path);
    AssimpLogCapture log;
    Assimp::Importer importer;
    keepOnlyReadersFor(importer, lowerExtension(path));
    // Pivot helper nodes of FBX would only add empty nodes.
    importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
    // CAD parts without normals have hard edges: smooth only gently curved surfaces.
    importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, 60.0f);

    // Read without post-processing first: Assimp's steps trust the file's indices.
    const aiScene* scene = importer.ReadFile(path.string(), 0);
    for (const std::string& message : log.messages()) {
        // Some of Assimp's readers (FBX) catch a bad_alloc, log it and go on without the
        // part: that is the reader's memory limit, to be reported as such.
        if (message.find("bad_alloc") != std::string::npos) throw std::bad_alloc();
    }
    if (!scene) throw UserError(plainAssimpError(path, importer.GetErrorString()));
    for (const std::string& message : log.messages()) {
        // Assimp drops such faces itself and only logs it: a damaged file, not a model to show.
        if (message.find("out-of-range indices") != std::string::npos)
            throw UserError(concat(path.string(), ": some triangles use vertex indices past the end of their mesh "
                                                  "(the file is damaged; export it again)"));
    }
    if (!scene->mRootNode || scene->mNumMeshes == 0)
        throw UserError(concat(path.string(), ": the file contains no meshes to show"));
    const std::vector<std::string> rawProblems = findRawSceneProblems(*scene);
    if (!rawProblems.empty()) {
        std::string message = concat(path.string(), ": ", rawProblems.front());
        if (rawProblems.size() > 1) message += concat(" (and ", rawProblems.size() - 1, " more problems)");
        throw UserError(message);
    }

    // Flipping V: Assimp hands out OpenGL-style texture coordinates (origin bottom-left),
    // Vulkan samples from the top-left, as glTF defines them.
    scene = importer.ApplyPostProcessing(aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                                         aiProcess_JoinIdenticalVertices | aiProcess_FlipUVs);
    if (!scene) throw UserError(plainAssimpError(path, importer.GetErrorString()));

    Model model;
    model.sourceName = path.filename().string();
    for (const std::string& message : log.messages()) model.warnings.push_back(concat("importer: ", message));

    // Primitives, with materials renumbered to keep only those used.
    std::map<unsigned, std::uint32_t> materialRemap;
    std::vector<unsigned> usedMaterials;
    std::vector<std::int64_t> primitiveOf(scene->mNumMeshes, -1);
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
        Primitive primitive = convertMesh(*scene->mMeshes[i], model.warnings);
        if (primitive.indices.empty()) continue;
        const unsigned sourceMaterial = scene->mMeshes[i]->mMaterialIndex;
        auto [it, added] = materialRemap.emplace(sourceMaterial, static_cast<std::uint32_t>(usedMaterials.size()));
        if (added) usedMaterials.push_back(sourceMaterial);
        primitive.material = it->second;
        primitiveOf[i] = static_cast<std::int64_t>(model.primitives.size());
        model.primitives.push_back(std::move(primitive));
    }
    convertMaterials(*scene, path, usedMaterials, model);

    // Meshes are the distinct lists of primitives that nodes place (a glTF mesh). The
    // node tree is kept as the file has it, names included: a site points at a CAD part
    // by name, and a robot's joints turn what hangs below them.
    std::map<std::vector<std::uint32_t>, std::uint32_t> meshOfList;
    struct Visit {
        const aiNode* node;
        std::int32_t parent;
        std::size_t depth;
    };
    std::vector<Visit> stack{{scene->mRootNode, -1, 0}};
    while (!stack.empty()) {
        Visit visit = stack.back();
        stack.pop_back();
        if (visit.depth > kMaxNodeDepth)
            throw UserError(concat(path.string(), ": node hierarchy deeper than ", kMaxNodeDepth, " levels"));
        if (model.nodes.size() >= kMaxNodes)
            throw UserError(concat(path.string(), ": has more than ", kMaxNodes, " nodes"));

        ModelNode node;
        node.name = visit.node->mName.C_Str();
        node.parent = visit.parent;
        node.local = toGlm(visit.node->mTransformation);
        std::vector<std::uint32_t> primitives;
        for (unsigned k = 0; k < visit.node->mNumMeshes; ++k) {
            const unsigned meshIndex = visit.node->mMeshes[k];
            if (meshIndex < scene->mNumMeshes && primitiveOf[meshIndex] >= 0)
                primitives.push_back(static_cast<std::uint32_t>(primitiveOf[meshIndex]));
        }
        if (!primitives.empty()) {
            auto [it, added] = meshOfList.emplace(primitives, static_cast<std::uint32_t>(model.meshes.size()));
            if (added) model.meshes.push_back(Mesh{visit.node->mName.C_Str(), primitives});
            node.mesh = static_cast<std::int32_t>(it->second);
        }
        const auto index = static_cast<std::int32_t>(model.nodes.size());
        model.nodes.push_back(std::move(node));
        // Children pushed in reverse so they are visited in file order.
        for (unsigned c = visit.node->mNumChildren; c-- > 0;)
            stack.push_back({visit.node->mChildren[c], index, visit.depth + 1});
    }

    requireValidModel(model);
    return model;
}

} // namespace usine::asset
