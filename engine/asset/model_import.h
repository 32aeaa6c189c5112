// The one way the engine imports a model file: Assimp in an isolated child process with
// a time limit, then the engine's own checks. A file that crashes or hangs the importer
// gives a UserError naming the file; it never takes `usine` down.
#pragma once

#include "scene/model.h"

#include <chrono>
#include <filesystem>

namespace usine::asset {

struct ImportOptions {
    std::chrono::milliseconds timeLimit{std::chrono::seconds(120)};
};

scene::Model importModel(const std::filesystem::path& path, const ImportOptions& options = {});

} // namespace usine::asset
