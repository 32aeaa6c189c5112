// Generated assets are reproducible: the committed files are exactly what the
// generator writes today.
#include "core/files.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace usine;
namespace fs = std::filesystem;

TEST_CASE("assets/models matches the asset generator's output byte for byte", "[assets]") {
    const fs::path output = testing::testOutputDirectory() / "generated-assets";
    fs::remove_all(output);
    const std::string command = testing::assetGeneratorProgram().string() + " " + output.string() + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    for (const char* file : {"factory_cell.gltf", "factory_cell.bin"}) {
        INFO(file << " differs: run tools/generate-assets and commit the result");
        CHECK(readFileBytes(output / file) == readFileBytes(testing::sourceDirectory() / "assets" / "models" / file));
    }
}
