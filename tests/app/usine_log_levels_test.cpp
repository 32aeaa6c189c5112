// What the log tells a teacher or fair technician, at each level: at info (default),
// where the headset session is, which runtime and headset, the view configuration;
// --quiet keeps warnings and errors only; --verbose adds debug lines; USINE_LOG sets
// the level, a flag wins over it.
#include "support/headset_visit.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

using namespace usine;
using testing::XrRun;

namespace {
const char* kScript = "resolution 64 64\nend-after-frames 8\nfault no-array-swapchains\n";
} // namespace

TEST_CASE("at info, a headset visit says each session state, the runtime, the headset and its views",
          "[headset][log]") {
    const XrRun run("log-info", kScript);
    const auto result = testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr"}, false);
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    for (const char* state : {"IDLE", "READY", "SYNCHRONIZED", "VISIBLE", "FOCUSED", "STOPPING", "EXITING"})
        CHECK_THAT(result.out, Catch::Contains(std::string("headset session: ") + state));
    CHECK_THAT(result.out, Catch::Contains("headset: Usine test headset") &&
                               Catch::Contains("on the OpenXR runtime Usine test runtime") &&
                               Catch::Contains("view configuration: primary stereo, 2 views, 64x64 per eye"));
    CHECK_THAT(result.out, !Catch::Contains("debug: "));
}

TEST_CASE("--quiet, --verbose and USINE_LOG choose what is said; a flag wins", "[headset][log]") {
    SECTION("--quiet: no progress lines") {
        const XrRun run("log-quiet", kScript);
        const auto result =
            testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--quiet"}, false);
        CHECK(result.exitCode == 0);
        CHECK(result.out.empty());
    }
    SECTION("--verbose: debug lines too (here: the refused array swapchain)") {
        const XrRun run("log-verbose", kScript);
        const auto result =
            testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--verbose"}, false);
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("debug: the OpenXR runtime refused an array swapchain"));
    }
    SECTION("USINE_LOG=warning is --quiet; --verbose wins over it") {
        const XrRun run("log-variable", kScript);
        auto words = run.envCommand();
        words.insert(words.end(), {"USINE_LOG=warning", testing::usineProgram().string(), "visit",
                                   testing::factoryCellModel(), "--mode", "xr"});
        const auto quiet = testing::runProgram(words.front(), {words.begin() + 1, words.end()});
        CHECK(quiet.exitCode == 0);
        CHECK(quiet.out.empty());
        const XrRun again("log-variable-flag", kScript);
        words = again.envCommand();
        words.insert(words.end(), {"USINE_LOG=warning", testing::usineProgram().string(), "visit",
                                   testing::factoryCellModel(), "--mode", "xr", "--verbose"});
        const auto verbose = testing::runProgram(words.front(), {words.begin() + 1, words.end()});
        CHECK_THAT(verbose.out, Catch::Contains("debug: "));
    }
    SECTION("an unknown USINE_LOG is refused") {
        const auto result = testing::runProgram(
            "/usr/bin/env", {"USINE_LOG=loud", testing::usineProgram().string(), "render", testing::factoryCellModel(),
                             "--out", (testing::testOutputDirectory() / "x.png").string()});
        CHECK(result.exitCode == 2);
        CHECK(result.errorLines() ==
              std::vector<std::string>{"error: USINE_LOG wants debug, info, warning or error, not 'loud'"});
    }
}
