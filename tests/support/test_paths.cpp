// Test paths from compile definitions and the environment.
#include "support/test_paths.h"

#include <cstdlib>
#include <stdexcept>

namespace usine::testing {

namespace fs = std::filesystem;

fs::path sourceDirectory() { return USINE_SOURCE_DIR; }
fs::path goldenDirectory() { return sourceDirectory() / "tests" / "golden"; }

fs::path testOutputDirectory() {
    fs::path directory = fs::path(USINE_BINARY_DIR) / "test-output";
    fs::create_directories(directory);
    return directory;
}

fs::path usineProgram() { return fs::path(USINE_BINARY_DIR) / "bin" / "usine"; }
fs::path assetGeneratorProgram() { return fs::path(USINE_BINARY_DIR) / "bin" / "usine-asset-generator"; }
std::string factoryCellModel() { return (sourceDirectory() / "assets/models/factory_cell.gltf").string(); }

std::optional<fs::path> corpusDirectory() {
    fs::path directory = sourceDirectory().parent_path() / "shared" / "corpus";
    if (const char* overridden = std::getenv("USINE_CORPUS_DIR")) directory = overridden;
    if (fs::is_directory(directory / "models")) return directory;
    return std::nullopt;
}

fs::path corpusModel(const std::string& relativePath) {
    auto corpus = corpusDirectory();
    if (!corpus) throw std::runtime_error("the corpus is absent (../shared/corpus)");
    return *corpus / "models" / relativePath;
}

} // namespace usine::testing
