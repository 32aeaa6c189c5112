// Model validation (see model_check.h).
#include "asset/model_check.h"

#include "asset/model_limits.h"
#include "core/error.h"
#include "core/image_io.h"
#include "core/text.h"

#include <cmath>

namespace usine::asset {

// Import produces the scene's types.
using namespace usine::scene;
namespace {

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }
bool finite(const glm::vec2& v) { return std::isfinite(v.x) && std::isfinite(v.y); }

bool finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r)
            if (!std::isfinite(m[c][r])) return false;
    return true;
}

// Stops listing after a handful per primitive: one broken mesh can have millions.
constexpr std::size_t kProblemsPerPrimitive = 3;

void checkPrimitive(const Model& model, std::size_t index, std::vector<std::string>& problems) {
    const Primitive& p = model.primitives[index];
    const std::string who = concat("mesh '", p.name, "'");
    std::size_t found = 0;
    auto report = [&](std::string text) {
        if (found++ < kProblemsPerPrimitive) problems.push_back(std::move(text));
    };

    if (p.vertices.size() > kMaxVerticesPerPrimitive)
        report(concat(who, " has ", p.vertices.size(), " vertices; the limit is ", kMaxVerticesPerPrimitive));
    if (p.indices.size() % 3 != 0) report(concat(who, " has ", p.indices.size(), " indices, not a multiple of 3"));
    if (p.triangleCount() > kMaxTrianglesPerPrimitive)
        report(concat(who, " has ", p.triangleCount(), " triangles; the limit is ", kMaxTrianglesPerPrimitive));
    if (p.material >= model.materials.size())
        report(concat(who, " uses material ", p.material, " but the model has ", model.materials.size()));

    for (std::size_t i = 0; i < p.indices.size(); ++i) {
        if (p.indices[i] >= p.vertices.size()) {
            report(concat(who, ": triangle ", i / 3, " uses vertex ", p.indices[i], " but the mesh has only ",
                          p.vertices.size(), " vertices"));
            if (found > kProblemsPerPrimitive) break;
        }
    }
    for (std::size_t l = 0; l < p.detailLevels.size(); ++l) {
        const DetailLevel& level = p.detailLevels[l];
        if (!std::isfinite(level.error) || level.error < 0)
            report(concat(who, ": detail level ", l + 1, " has error ", level.error));
        if (level.indices.size() % 3 != 0)
            report(concat(who, ": detail level ", l + 1, " has ", level.indices.size(), " indices, not a multiple of 3"));
        for (std::uint32_t index : level.indices)
            if (index >= p.vertices.size()) {
                report(concat(who, ": detail level ", l + 1, " uses vertex ", index, " but the mesh has only ",
                              p.vertices.size(), " vertices"));
                break;
            }
    }
    if (p.detailLevels.size() > kMaxDetailLevelsPerPrimitive)
        report(concat(who, " has ", p.detailLevels.size(), " detail levels; the limit is ", kMaxDetailLevelsPerPrimitive));
    for (std::size_t i = 0; i < p.vertices.size(); ++i) {
        const Vertex& v = p.vertices[i];
        if (!finite(v.position) || !finite(v.normal) || !finite(v.uv)) {
            report(concat(who, ": vertex ", i, " has a NaN or infinite coordinate"));
            if (found > kProblemsPerPrimitive) break;
        } else if (glm::dot(v.normal, v.normal) < 1e-12f) {
            report(concat(who, ": vertex ", i, " has a zero-length normal"));
            if (found > kProblemsPerPrimitive) break;
        }
    }
}

} // namespace

std::vector<std::string> findModelProblems(const Model& model) {
    std::vector<std::string> problems;
    if (model.primitives.empty() || model.placedMeshCount() == 0) {
        problems.push_back("the file contains no triangle meshes to show");
        return problems;
    }
    if (model.materials.size() > kMaxMaterials)
        problems.push_back(concat("has ", model.materials.size(), " materials; the limit is ", kMaxMaterials));
    if (model.textures.size() > kMaxTextures)
        problems.push_back(concat("has ", model.textures.size(), " textures; the limit is ", kMaxTextures));
    if (model.primitives.size() > kMaxPrimitives)
        problems.push_back(concat("has ", model.primitives.size(), " meshes; the limit is ", kMaxPrimitives));
    if (model.nodes.size() > kMaxNodes)
        problems.push_back(concat("has ", model.nodes.size(), " nodes; the limit is ", kMaxNodes));
    if (model.uniqueTriangleCount() > kMaxUniqueTriangles)
        problems.push_back(concat("has ", model.uniqueTriangleCount(), " triangles; the limit is ", kMaxUniqueTriangles));

    for (std::size_t i = 0; i < model.primitives.size(); ++i) checkPrimitive(model, i, problems);

    for (const Mesh& mesh : model.meshes)
        for (std::uint32_t primitive : mesh.primitives)
            if (primitive >= model.primitives.size())
                problems.push_back(concat("mesh '", mesh.name, "' refers to primitive ", primitive, " of ",
                                          model.primitives.size()));
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const ModelNode& node = model.nodes[i];
        if (node.mesh < -1 || node.mesh >= static_cast<std::int64_t>(model.meshes.size()))
            problems.push_back(concat("node '", node.name, "' places mesh ", node.mesh, " of ", model.meshes.size()));
        // Parents first: no cycle can form, and one pass computes every transform.
        if (node.parent < -1 || node.parent >= static_cast<std::int64_t>(i))
            problems.push_back(concat("node '", node.name, "' has parent ", node.parent, ", not an earlier node"));
        if (!finite(node.local))
            problems.push_back(concat("node '", node.name, "' has a NaN or infinite transform"));
    }
    for (const Material& material : model.materials) {
        if (material.baseColorTexture >= static_cast<std::int64_t>(model.textures.size()) ||
            material.baseColorTexture < -1)
            problems.push_back(concat("material '", material.name, "' uses texture ", material.baseColorTexture,
                                      " of ", model.textures.size()));
        if (!finite(glm::vec3(material.baseColor)) || !std::isfinite(material.baseColor.w) ||
            !std::isfinite(material.metallic) || !std::isfinite(material.roughness) || !finite(material.emissive))
            problems.push_back(concat("material '", material.name, "' has a NaN or infinite value"));
    }
    for (const Texture& texture : model.textures) {
        const int width = texture.pixels.width, height = texture.pixels.height;
        // Sides checked first: a negative or huge side must not wrap the size computation.
        if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide) {
            problems.push_back(concat("texture '", texture.source, "' is ", width, "x", height,
                                      " pixels; sides must be 1 to ", kMaxImageSide));
            continue;
        }
        if (texture.pixels.pixels.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
            problems.push_back(concat("texture '", texture.source, "' has no valid pixels"));
    }
    return problems;
}

void requireValidModel(const Model& model) {
    const std::vector<std::string> problems = findModelProblems(model);
    if (problems.empty()) return;
    std::string message = concat(model.sourceName, ": ", problems.front());
    if (problems.size() > 1) message += concat(" (and ", problems.size() - 1, " more problems)");
    throw UserError(message);
}

} // namespace usine::asset
