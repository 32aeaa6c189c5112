// Reads a model file with Assimp (glTF/GLB, FBX, OBJ+MTL, COLLADA and the rest Assimp
// knows) into a Model. Runs the untrusted parsing in-process: call it through
// importModel() (isolated_import.h), which runs it in a child process.
#pragma once

#include "scene/model.h"

#include <filesystem>

namespace usine::asset {

// Throws UserError naming the file and the reason.
scene::Model importWithAssimp(const std::filesystem::path& path);

} // namespace usine::asset
