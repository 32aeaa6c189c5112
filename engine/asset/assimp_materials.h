// Turns Assimp materials into our metallic-roughness materials, and loads the textures
// they use: embedded ones (GLB, FBX) and files next to the model (PNG, JPEG, TGA).
// A missing or unreadable texture is a warning, not a failure: the part is drawn in its
// base colour, and the message names the texture and the model.
#pragma once

#include "scene/model.h"

#include <filesystem>
#include <vector>

struct aiScene;

namespace usine::asset {

// Appends the materials listed in `used` (Assimp material indices), in that order, to
// model.materials; unused ones are left out, with their textures.
void convertMaterials(const aiScene& scene, const std::filesystem::path& modelPath,
                      const std::vector<unsigned>& used, scene::Model& model);

} // namespace usine::asset
