// `usine visit` with a headset, through the real Khronos OpenXR loader and the test
// runtime: the whole session state machine, a lost session and a lost instance with
// recovery, both validation layers silent; the eyes the runtime reads back show the
// scene with the field of view and parallax it asked for; and every way of not having a
// headset ends in a fallback that says why.
#include "core/image_io.h"
#include "support/background_process.h"
#include "support/headset_visit.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

using namespace usine;
using testing::XrRun;

namespace {


testing::ProgramResult visit(const XrRun& run, const std::vector<std::string>& arguments, bool validation = true) {
    return testing::visitOnTestRuntime(run, arguments, validation);
}

std::string fileText(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("a headset visit goes through every state, survives a lost session and a lost instance, validation silent",
          "[headset]") {
    const XrRun run("lifecycle", R"(resolution 96 96
end-after-frames 150
frame 0 head 0 1.6 0
fault session-loss-at-frame 40
fault instance-loss-at-frame 90
)");
    const auto result = visit(run, {testing::factoryCellModel(), "--mode", "xr"});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("display: headset, because --mode xr was asked for"));
    CHECK_THAT(result.err, Catch::Contains("the headset session was lost; starting a new one"));
    CHECK_THAT(result.err, Catch::Contains("the display was lost; starting it again"));
    CHECK_THAT(result.out, Catch::Contains("Vulkan validation: 0 messages"));
    CHECK_THAT(result.out, Catch::Contains("OpenXR validation: 0 messages"));

    const auto report = run.report();
    REQUIRE_FALSE(report.empty());
    CHECK(report.at("instances_created") == "2");
    CHECK(report.at("sessions_created") == "3");
    CHECK(report.at("session_losses") == "1");
    CHECK(report.at("instance_losses") == "1");
    CHECK(report.at("session_ended_by_runtime") == "1");
    CHECK(report.at("api_misuse_count") == "0");
    CHECK(std::stoi(report.at("frames_submitted")) >= 60);
    for (const char* state : {"IDLE", "READY", "SYNCHRONIZED", "VISIBLE", "FOCUSED", "STOPPING", "EXITING",
                              "LOSS_PENDING"})
        CHECK_THAT(report.at("states"), Catch::Contains(state));
    CHECK(std::stol(report.at("eye0_drawn_pixels")) > 0);
    CHECK(std::stol(report.at("eye1_drawn_pixels")) > 0);
    CHECK(std::stol(report.at("depth_layers_submitted")) > 0); // XR_KHR_composition_layer_depth
    CHECK(report.at("swapchain_array_size") == "2");
}

namespace {

// One way of drawing the eyes into the runtime's array swapchain (--passes, --samples).
struct DrawingWay {
    const char* passes;
    const char* samples;
    const char* how; // what the visit says it does with the swapchain
};

// A visit of `square` (a black square 1 m ahead of the eyes) drawn `way`: each eye the
// runtime reads back shows it where the runtime's field of view and eye position put it.
void checkEyesSeeSquare(const std::filesystem::path& square, const DrawingWay& way) {
    INFO("--passes " << way.passes << " --samples " << way.samples);
    const XrRun run(std::string("parallax-") + way.passes + "-" + way.samples, R"(resolution 200 180
end-after-frames 40
capture 30
frame 0 head 0 1.6 0
frame 0 hand left untracked
frame 0 hand right untracked
)");
    const auto result = visit(run, {square.string(), "--mode", "xr", "--start", "0,0,0", "--passes", way.passes,
                                    "--samples", way.samples});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains(std::string("both eyes ") + way.how + " the headset's array swapchain"));
    CHECK_THAT(result.out, Catch::Contains("Vulkan validation: 0 messages"));
    const Rgba8Image eyes[2] = {readImageFile(run.folder / "capture30-eye0.png"),
                                readImageFile(run.folder / "capture30-eye1.png")};
    // The runtime's defaults: asymmetric fields of view, eyes 64 mm apart.
    glm::dvec2 centroid[2];
    for (int eye = 0; eye < 2; ++eye) {
        centroid[eye] = testing::objectCentroid(eyes[eye]);
        const double eyeX = (eye == 0 ? -0.5 : 0.5) * testing::kRuntimeIpd;
        const glm::dvec2 expected = testing::expectedPixel(testing::kRuntimeFov[eye], 200, 180, {-eyeX, 0, -1});
        INFO("eye " << eye << ": centroid " << centroid[eye].x << ", " << centroid[eye].y << " expected " << expected.x
                    << ", " << expected.y);
        CHECK(centroid[eye].x == Approx(expected.x).margin(1.0));
        CHECK(centroid[eye].y == Approx(expected.y).margin(1.0));
    }
    // The parallax itself, beyond what the asymmetric fields of view alone do.
    const double withoutParallax = testing::expectedPixel(testing::kRuntimeFov[0], 200, 180, {0, 0, -1}).x -
                                   testing::expectedPixel(testing::kRuntimeFov[1], 200, 180, {0, 0, -1}).x;
    CHECK(std::abs((centroid[0].x - centroid[1].x) - withoutParallax) > 4.0);
}

} // namespace

TEST_CASE("the runtime's eyes show the scene where its field of view and eye positions put it", "[headset]") {
    // 0.2 m wide, 1 m ahead of the visitor's eyes (1.6 m above the floor): near enough
    // that the eyes, 64 mm apart, see it several pixels apart.
    const auto square = testing::writeSquareModel("parallax", {0, 1.6f, -1}, 0.2f);
    // Every way of drawing into the runtime's array swapchain: multiview resolving in its
    // pass (real drivers), passes per eye resolving by a transfer (lavapipe's default),
    // multiview without MSAA drawing straight in, and the copy that passes per eye
    // without MSAA fall back to. (Nothing here is clipped, which lavapipe's multiview
    // would get wrong: see the README.)
    for (const DrawingWay& way : {DrawingWay{"multiview", "4", "drawn straight into"},
                                  DrawingWay{"per-eye", "4", "drawn straight into"},
                                  DrawingWay{"multiview", "1", "drawn straight into"},
                                  DrawingWay{"per-eye", "1", "copied into"}})
        checkEyesSeeSquare(square, way);
}

TEST_CASE("without a runtime, or a headset, or when the runtime refuses, the visit falls back and says why",
          "[headset]") {
    SECTION("no runtime") {
        const XrRun run("no-runtime", "");
        std::vector<std::string> words{"-u", "DISPLAY", "XR_RUNTIME_JSON=/nowhere/runtime.json",
                                       testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--frames", "2",
                                       "--size", "32x32", "--out", (run.folder / "tour").string()};
        const auto result = testing::runProgram("/usr/bin/env", words);
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("display: headless, because no OpenXR runtime is installed or active"));
    }
    SECTION("the runtime refuses to start") {
        const XrRun run("refused", "fault refuse-instance\n");
        const auto result = visit(run, {testing::factoryCellModel(), "--frames", "2", "--size", "32x32", "--out", (run.folder / "tour").string()});
        CHECK(result.exitCode == 0);
        // The loader reports a runtime that fails xrCreateInstance as INITIALIZATION_FAILED.
        CHECK_THAT(result.out, Catch::Contains("display: headless, because the OpenXR runtime refused to start"));
    }
    SECTION("the runtime answers but no headset comes") {
        const XrRun run("no-headset", "fault no-headset-seconds 60\n");
        const auto result = visit(run, {testing::factoryCellModel(), "--headset-wait", "1", "--frames", "2", "--size", "32x32", "--out",
                                        (run.folder / "tour").string()});
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("answered but no headset appeared within 1 s"));
        CHECK_THAT(result.out, Catch::Contains("display: headless"));
    }
    SECTION("with --mode xr and no runtime yet, the visit waits for one; Ctrl+C ends the wait cleanly") {
        const XrRun run("no-runtime-wait", "");
        const auto log = run.folder / "visit.log";
        testing::BackgroundProcess usine({testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--mode", "xr"},
                                         {{"XR_RUNTIME_JSON", "/nowhere/runtime.json"}, {"DISPLAY", ""}}, log.string());
        for (int tries = 0; tries < 1200 && fileText(log).find("waiting for the OpenXR runtime") == std::string::npos; ++tries)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const std::string waiting = fileText(log);
        CHECK_THAT(waiting, Catch::Contains("waiting for the OpenXR runtime: no OpenXR runtime is installed or active"));
        CHECK_THAT(waiting, Catch::Contains("Ctrl+C to stop"));
        CHECK(usine.running());
        CHECK(usine.stop(10) == 0); // SIGTERM, as Ctrl+C: a clean stop, not an error
        CHECK_THAT(fileText(log), Catch::Contains("visit stopped (Ctrl+C) while waiting for the headset"));
    }
    SECTION("with --mode xr, a runtime that refuses to start at first is waited for") {
        const XrRun run("refused-then-ready", "fault refuse-instance 2\nend-after-frames 10\nresolution 64 64\n");
        const auto result = visit(run, {testing::factoryCellModel(), "--mode", "xr"});
        INFO(result.out << result.err);
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("waiting for the OpenXR runtime: the OpenXR runtime refused to start"));
        CHECK_THAT(result.out, Catch::Contains("display: headset"));
        CHECK(run.report().at("instances_refused") == "2");
    }
    SECTION("with --mode xr, the visit waits for the headset and says so") {
        const XrRun run("late-headset", "fault no-headset-seconds 2.5\nend-after-frames 10\nresolution 64 64\n");
        const auto result = visit(run, {testing::factoryCellModel(), "--mode", "xr"});
        INFO(result.out << result.err);
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("waiting for the headset"));
        CHECK_THAT(result.out, Catch::Contains("display: headset"));
    }
}

TEST_CASE("older and smaller runtimes: no vulkan_enable2, no array swapchains, no stage space, no depth layers",
          "[headset]") {
    const XrRun run("minimal-runtime", R"(resolution 64 64
end-after-frames 20
fault no-vulkan-enable2
fault no-array-swapchains
fault no-stage
fault no-depth-extension
)");
    const auto result = visit(run, {testing::factoryCellModel(), "--mode", "xr"});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("local space") && Catch::Contains("a swapchain per eye"));
    CHECK_THAT(result.out, Catch::Contains("Vulkan validation: 0 messages"));
    CHECK_THAT(result.out, Catch::Contains("OpenXR validation: 0 messages"));
    const auto report = run.report();
    CHECK(report.at("swapchain_array_size") == "1");
    CHECK(report.at("depth_layers_submitted") == "0");
    CHECK(report.at("api_misuse_count") == "0");
    CHECK(report.at("session_ended_by_runtime") == "1");
}

TEST_CASE("validation layers the environment already enables are asked for once: the visit runs",
          "[headset][validation]") {
    const XrRun run("layers-from-environment", "resolution 64 64\nend-after-frames 10\n");
    std::vector<std::string> words{"/usr/bin/env", "-u", "DISPLAY"};
    for (const auto& [name, value] : run.environment()) words.push_back(name + "=" + value);
    words.insert(words.end(), {"USINE_VALIDATION=1", "XR_ENABLE_API_LAYERS=XR_APILAYER_LUNARG_core_validation",
                               "VK_INSTANCE_LAYERS=VK_LAYER_KHRONOS_validation", testing::usineProgram().string(), "visit",
                               testing::factoryCellModel(), "--mode", "xr"});
    const auto result = testing::runProgram(words.front(), {words.begin() + 1, words.end()});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("display: headset"));
    CHECK_THAT(result.out, Catch::Contains("Vulkan validation: 0 messages"));
    CHECK_THAT(result.out, Catch::Contains("OpenXR validation: 0 messages"));
    CHECK(run.report().at("session_ended_by_runtime") == "1");
}
