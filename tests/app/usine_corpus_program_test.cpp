// `usine render` on the shared corpus: every broken file gives one line naming it and
// exit code 2; the 2CylinderEngine is drawn in both eyes.
#include "core/image_io.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

using namespace usine;

TEST_CASE("each broken corpus model: exit code 2, one line naming the file", "[program][corpus]") {
    for (const char* file : {"glTF2/MissingBin/BoxTextured.gltf", "glTF2/IndexOutOfRange/IndexOutOfRange.gltf",
                             "invalid/empty.obj", "invalid/malformed.obj"}) {
        const std::string path = testing::corpusModel(file).string();
        const auto result = testing::runProgram(testing::usineProgram().string(),
                                                {"render", path, "--out", (testing::testOutputDirectory() / "x.png").string()});
        INFO(file << ": " << result.err);
        CHECK(result.exitCode == 2);
        const auto lines = result.errorLines();
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines[0], Catch::StartsWith("error: " + path + ": "));
    }
}

TEST_CASE("usine render draws the 2CylinderEngine in both eyes", "[program][corpus]") {
    const auto out = testing::testOutputDirectory() / "engine.png";
    const auto result = testing::runProgram(
        testing::usineProgram().string(),
        {"render", testing::corpusModel("glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb").string(), "--out",
         out.string(), "--size", "160x160"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const Rgba8Image picture = readImageFile(out);
    // Each half shows the engine: a good share of pixels differs from the background.
    for (int eye = 0; eye < 2; ++eye) {
        const std::uint8_t* background = picture.at(eye * 160, 0);
        int covered = 0;
        for (int y = 0; y < 160; ++y)
            for (int x = eye * 160; x < eye * 160 + 160; ++x)
                if (std::abs(int(picture.at(x, y)[0]) - int(background[0])) > 12) ++covered;
        INFO("eye " << eye << ": " << covered << " pixels of engine");
        CHECK(covered > 160 * 160 / 10);
    }
}
