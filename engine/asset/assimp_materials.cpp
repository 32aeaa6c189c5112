// Material and texture conversion from Assimp.
#include "asset/assimp_materials.h"

#include "core/error.h"
#include "core/image_io.h"
#include "core/text.h"

#include <algorithm>
#include <assimp/material.h>
#include <assimp/scene.h>
#include <cmath>
#include <map>

namespace usine::asset {

// Import produces the scene's types.
using namespace usine::scene;
namespace {

namespace fs = std::filesystem;

float clamp01(float value) { return std::isfinite(value) ? std::clamp(value, 0.0f, 1.0f) : 0.0f; }

// Exporters write texture paths in many ways: relative, absolute from the author's PC,
// with Windows separators. A relative path is tried as written, then the bare file name
// next to the model (where authors ship textures). An absolute path is never followed:
// it names the author's machine, and a model must not pull pictures from anywhere on a
// school PC; only its file name is looked for beside the model.
std::optional<fs::path> findTextureFile(const fs::path& modelDirectory, std::string reference) {
    std::replace(reference.begin(), reference.end(), '\\', '/');
    const fs::path asWritten(reference);
    const bool absolute = asWritten.is_absolute() || (reference.size() > 1 && reference[1] == ':');
    std::vector<fs::path> candidates;
    if (!absolute) candidates.push_back(modelDirectory / asWritten);
    candidates.push_back(modelDirectory / asWritten.filename());
    std::error_code ec;
    for (const fs::path& candidate : candidates)
        if (fs::is_regular_file(candidate, ec)) return candidate;
    return std::nullopt;
}

class TextureLoader {
public:
    TextureLoader(const aiScene& scene, const fs::path& modelPath, Model& model)
        : scene_(scene), modelPath_(modelPath), model_(model) {}

    // Index of the loaded texture in model.textures, or -1 (with a warning) when absent.
    std::int32_t load(const std::string& reference, const std::string& materialName) {
        auto cached = loaded_.find(reference);
        if (cached != loaded_.end()) return cached->second;
        std::int32_t index = -1;
        try {
            index = loadUncached(reference);
        } catch (const UserError& error) {
            model_.warnings.push_back(concat("material '", materialName, "' is drawn without its texture: ", error.what()));
        }
        loaded_.emplace(reference, index);
        return index;
    }

private:
    std::int32_t loadUncached(const std::string& reference) {
        if (const aiTexture* embedded = scene_.GetEmbeddedTexture(reference.c_str()))
            return add(concat("embedded texture '", reference, "'"), decodeEmbedded(*embedded, reference));
        auto file = findTextureFile(modelPath_.parent_path(), reference);
        if (!file) throw UserError(concat("texture file '", reference, "' not found next to the model"));
        return add(file->filename().string(), readImageFile(*file));
    }

    Rgba8Image decodeEmbedded(const aiTexture& texture, const std::string& reference) {
        const std::string what = concat("embedded texture '", reference, "'");
        if (texture.mHeight == 0) { // compressed (PNG/JPEG bytes); mWidth is the byte count
            const auto* bytes = reinterpret_cast<const std::uint8_t*>(texture.pcData);
            return decodeImage(std::span(bytes, texture.mWidth), what);
        }
        if (texture.mWidth > static_cast<unsigned>(kMaxImageSide) || texture.mHeight > static_cast<unsigned>(kMaxImageSide))
            throw UserError(concat(what, ": picture too large"));
        Rgba8Image image(static_cast<int>(texture.mWidth), static_cast<int>(texture.mHeight));
        for (std::size_t i = 0; i < static_cast<std::size_t>(texture.mWidth) * texture.mHeight; ++i) {
            const aiTexel& texel = texture.pcData[i]; // stored BGRA
            image.pixels[i * 4 + 0] = texel.r;
            image.pixels[i * 4 + 1] = texel.g;
            image.pixels[i * 4 + 2] = texel.b;
            image.pixels[i * 4 + 3] = texel.a;
        }
        return image;
    }

    std::int32_t add(std::string source, Rgba8Image pixels) {
        model_.textures.push_back(Texture{std::move(source), std::move(pixels)});
        return static_cast<std::int32_t>(model_.textures.size() - 1);
    }

    const aiScene& scene_;
    const fs::path& modelPath_;
    Model& model_;
    std::map<std::string, std::int32_t> loaded_;
};

Material convertMaterial(const aiMaterial& source, TextureLoader& textures) {
    Material material;
    aiString name;
    if (source.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) material.name = name.C_Str();

    aiColor4D color;
    if (source.Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS ||
        source.Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS)
        material.baseColor = {clamp01(color.r), clamp01(color.g), clamp01(color.b), clamp01(color.a)};
    float opacity = 1;
    if (source.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) material.baseColor.w *= clamp01(opacity);

    float metallic = 0, roughness = 0, shininess = 0;
    if (source.Get(AI_MATKEY_METALLIC_FACTOR, metallic) == AI_SUCCESS) {
        material.metallic = clamp01(metallic);
        if (source.Get(AI_MATKEY_ROUGHNESS_FACTOR, roughness) == AI_SUCCESS) material.roughness = clamp01(roughness);
    } else if (source.Get(AI_MATKEY_SHININESS, shininess) == AI_SUCCESS && shininess > 0) {
        // Phong exponent to roughness: the usual Blinn-Phong / GGX correspondence.
        material.roughness = clamp01(std::sqrt(2.0f / (shininess + 2.0f)));
    } else {
        material.roughness = 0.8f; // plain plastic/paint for formats without PBR data
    }

    aiColor3D emissive;
    if (source.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS)
        material.emissive = {clamp01(emissive.r), clamp01(emissive.g), clamp01(emissive.b)};

    // glTF states it for every material (single-sided by default); other formats mostly
    // do not, and their exports (OBJ, STL from CAD) often have faces wound either way:
    // without a statement, both sides are drawn rather than leave holes in a machine.
    int twoSided = 0;
    material.doubleSided = source.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS ? twoSided != 0 : true;

    aiString texture;
    if (source.GetTexture(aiTextureType_BASE_COLOR, 0, &texture) == AI_SUCCESS ||
        source.GetTexture(aiTextureType_DIFFUSE, 0, &texture) == AI_SUCCESS)
        material.baseColorTexture = textures.load(texture.C_Str(), material.name);
    return material;
}

} // namespace

void convertMaterials(const aiScene& scene, const fs::path& modelPath, const std::vector<unsigned>& used,
                      Model& model) {
    TextureLoader textures(scene, modelPath, model);
    for (unsigned index : used) model.materials.push_back(convertMaterial(*scene.mMaterials[index], textures));
}

} // namespace usine::asset
