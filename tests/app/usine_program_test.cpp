// The `usine` program as a user meets it: help, exit codes, one clear line per mistake,
// and the main job (render a shipped model) producing a picture.
#include "core/image_io.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

using namespace usine;
using testing::runProgram;

namespace {
std::string usineProgram() { return testing::usineProgram().string(); }
} // namespace

TEST_CASE("usine --help documents every command", "[program]") {
    const auto result = runProgram(usineProgram(), {"--help"});
    CHECK(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("usine render") && Catch::Contains("usine bench"));
    const auto render = runProgram(usineProgram(), {"render", "--help"});
    CHECK(render.exitCode == 0);
    for (const char* option : {"--out", "--size", "--eye-distance", "--camera", "--look", "--gpu", "--eyes"})
        CHECK_THAT(render.out, Catch::Contains(option));
    const auto bench = runProgram(usineProgram(), {"bench", "--help"});
    CHECK(bench.exitCode == 0);
    CHECK_THAT(bench.out, Catch::Contains("--frames"));
}

TEST_CASE("mistakes give exit code 2 and one line saying what is wrong", "[program]") {
    struct Case {
        std::vector<std::string> arguments;
        std::string expected;
    };
    const std::vector<Case> cases{
        {{"fly"}, "error: unknown command 'fly' (see usine --help)"},
        {{"render", "/nowhere/plant.glb", "--out", "x.png"}, "error: /nowhere/plant.glb: file not found"},
        {{"render", testing::factoryCellModel()}, "error: usine render needs --out FILE.png"},
        {{"render", testing::factoryCellModel(), "--out", "x.png", "--size", "big"},
         "error: --size wants WIDTHxHEIGHT in pixels (1 to 8192), such as 640x720, not 'big'"},
        {{"render", testing::factoryCellModel(), "--out", "x.png", "--camera", "0,1,2"},
         "error: --camera and --look go together: give both or neither"},
        {{"render", testing::factoryCellModel(), "--out", "/nowhere/x.png"},
         "error: /nowhere/x.png: the folder /nowhere does not exist"},
        {{"render", testing::factoryCellModel(), "--out", "x.png", "--gpu", "no-such-gpu"}, "error: no GPU named like 'no-such-gpu'"},
        {{"bench", testing::factoryCellModel(), "--frames", "0"}, "error: --frames wants a whole number from 1 to 100000, not '0'"},
        {{"render", testing::factoryCellModel(), "--out", "x.png", "--wings"}, "error: unknown option --wings (see usine --help)"},
    };
    for (const Case& c : cases) {
        const auto result = runProgram(usineProgram(), c.arguments);
        INFO("usine " << c.arguments[0] << " ... -> " << result.err);
        CHECK(result.exitCode == 2);
        const auto lines = result.errorLines();
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines[0], Catch::StartsWith(c.expected));
    }
}

TEST_CASE("usine render writes a side-by-side picture of a shipped model, and separate eyes on request", "[program]") {
    const auto out = testing::testOutputDirectory() / "program-render.png";
    std::filesystem::remove(out);
    const auto result = runProgram(usineProgram(), {"render", testing::factoryCellModel(), "--out", out.string(), "--size", "96x64"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const Rgba8Image picture = readImageFile(out);
    CHECK(picture.width == 192);
    CHECK(picture.height == 64);
    CHECK_THAT(result.out, Catch::Contains("imported") && Catch::Contains("uploaded") && Catch::Contains("rendered"));
    CHECK(result.err.empty());

    const auto separate = testing::testOutputDirectory() / "program-eyes.png";
    const auto both = runProgram(usineProgram(), {"render", testing::factoryCellModel(), "--out", separate.string(), "--size", "64x64",
                                           "--eyes", "separate", "--camera", "0,1.6,3", "--look", "1,1,0"});
    REQUIRE(both.exitCode == 0);
    CHECK(readImageFile(testing::testOutputDirectory() / "program-eyes-left.png").width == 64);
    CHECK(readImageFile(testing::testOutputDirectory() / "program-eyes-right.png").width == 64);
}

TEST_CASE("usine bench prints every figure", "[program]") {
    const auto result = runProgram(usineProgram(), {"bench", testing::factoryCellModel(), "--frames", "3", "--size", "32x32"});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    for (const char* row : {"triangles", "draw commands", "import ms", "upload ms", "CPU frame ms", "GPU frame ms"})
        CHECK_THAT(result.out, Catch::Contains(row));
    CHECK_THAT(result.out, Catch::Contains("median") && Catch::Contains("p95"));
}
