// Where tests find the project's files, the shared corpus and their output folder.
// Paths come from the build (compile definitions), never from the current directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace usine::testing {

std::filesystem::path sourceDirectory();
std::filesystem::path goldenDirectory();       // tests/golden in the source tree
std::filesystem::path testOutputDirectory();   // in the build tree; actual + diff pictures
std::filesystem::path usineProgram();          // the built `usine`
std::filesystem::path assetGeneratorProgram(); // the built asset generator
std::string factoryCellModel();                // the shipped demo cell (assets/models), as a path

// ../shared/corpus beside the checkout (or $USINE_CORPUS_DIR), when present.
std::optional<std::filesystem::path> corpusDirectory();
std::filesystem::path corpusModel(const std::string& relativePath); // under models/

} // namespace usine::testing
