// `usine visit` with a headset, through the real Khronos OpenXR loader and the test
// runtime: the whole session state machine, a lost session and a lost instance with
// recovery, both validation layers silent; the eyes the runtime reads back show the
// scene with the field of view and parallax it asked for; and every way of not having a
// headset ends in a fallback that says why.
#include "core/files.h"
#include "core/image_io.h"
#include "support/program_run.h"
#include "support/test_paths.h"
#include "support/test_xr_runtime.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <glm/glm.hpp>

using namespace usine;
using testing::XrRun;

namespace {

std::string cell() { return (testing::sourceDirectory() / "assets/models/factory_cell.gltf").string(); }

testing::ProgramResult visit(const XrRun& run, std::vector<std::string> arguments, bool validation = true) {
    // env: options first (-u), then assignments, then the command.
    std::vector<std::string> words{"-u", "DISPLAY"};
    for (const auto& [name, value] : run.environment()) words.push_back(name + "=" + value);
    words.push_back(std::string("USINE_VALIDATION=") + (validation ? "1" : "0"));
    words.push_back(testing::usineProgram().string());
    words.push_back("visit");
    words.insert(words.end(), arguments.begin(), arguments.end());
    return testing::runProgram("/usr/bin/env", words);
}

// Centroid of the pixels that differ from the picture's top-left pixel (the sky).
glm::dvec2 centroidOfObject(const Rgba8Image& image) {
    const std::uint8_t* sky = image.at(0, 0);
    double sum = 0, sumX = 0, sumY = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.at(x, y);
            const double weight =
                std::abs(p[0] - sky[0]) + std::abs(p[1] - sky[1]) + std::abs(p[2] - sky[2]);
            sum += weight;
            sumX += weight * (x + 0.5);
            sumY += weight * (y + 0.5);
        }
    REQUIRE(sum > 0);
    return {sumX / sum, sumY / sum};
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
    const auto result = visit(run, {cell(), "--mode", "xr"});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("display: headset, because --mode headset was asked for"));
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

TEST_CASE("the runtime's eyes show the scene where its field of view and eye positions put it", "[headset]") {
    // A black square 0.4 m wide, 2 m ahead of the visitor's eyes (1.6 m above the floor).
    const auto folder = testing::testOutputDirectory() / "xr-square-model";
    std::filesystem::create_directories(folder);
    const std::string obj = "mtllib square.mtl\nusemtl black\nv -0.2 1.4 -2\nv 0.2 1.4 -2\nv 0.2 1.8 -2\nv -0.2 1.8 -2\n"
                            "vn 0 0 1\nf 1//1 2//1 3//1 4//1\n";
    const std::string mtl = "newmtl black\nKd 0 0 0\nKs 0 0 0\n";
    writeFileBytes(folder / "square.obj", obj.data(), obj.size());
    writeFileBytes(folder / "square.mtl", mtl.data(), mtl.size());

    const XrRun run("parallax", R"(resolution 200 180
end-after-frames 40
capture 30
frame 0 head 0 1.6 0
frame 0 hand left untracked
frame 0 hand right untracked
)");
    const auto result = visit(run, {(folder / "square.obj").string(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    const Rgba8Image eyes[2] = {readImageFile(run.folder / "capture30-eye0.png"),
                                readImageFile(run.folder / "capture30-eye1.png")};
    // The runtime's defaults: asymmetric fields of view, eyes 64 mm apart.
    const double fov[2][4] = {{-0.82, 0.70, 0.76, -0.80}, {-0.70, 0.82, 0.76, -0.80}};
    const double eyeX[2] = {-0.032, 0.032};
    for (int eye = 0; eye < 2; ++eye) {
        const glm::dvec2 centroid = centroidOfObject(eyes[eye]);
        const double tanLeft = std::tan(fov[eye][0]), tanRight = std::tan(fov[eye][1]);
        const double tanUp = std::tan(fov[eye][2]), tanDown = std::tan(fov[eye][3]);
        const double tanX = (0.0 - eyeX[eye]) / 2.0; // the square's centre seen from this eye
        const double expectedX = 200 * (tanX - tanLeft) / (tanRight - tanLeft);
        const double expectedY = 180 * (tanUp - 0.0) / (tanUp - tanDown);
        INFO("eye " << eye << ": centroid " << centroid.x << ", " << centroid.y << " expected " << expectedX << ", "
                    << expectedY);
        CHECK(centroid.x == Approx(expectedX).margin(1.0));
        CHECK(centroid.y == Approx(expectedY).margin(1.0));
    }
}

TEST_CASE("without a runtime, or a headset, or when the runtime refuses, the visit falls back and says why",
          "[headset]") {
    SECTION("no runtime") {
        const XrRun run("no-runtime", "");
        std::vector<std::string> words{"-u", "DISPLAY", "XR_RUNTIME_JSON=/nowhere/runtime.json",
                                       testing::usineProgram().string(), "visit", cell(), "--frames", "2",
                                       "--size", "32x32", "--out", (run.folder / "tour").string()};
        const auto result = testing::runProgram("/usr/bin/env", words);
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("display: headless, because no OpenXR runtime is installed or active"));
    }
    SECTION("the runtime refuses to start") {
        const XrRun run("refused", "fault refuse-instance\n");
        const auto result = visit(run, {cell(), "--frames", "2", "--size", "32x32", "--out", (run.folder / "tour").string()});
        CHECK(result.exitCode == 0);
        // The loader reports a runtime that fails xrCreateInstance as INITIALIZATION_FAILED.
        CHECK_THAT(result.out, Catch::Contains("display: headless, because the OpenXR runtime refused to start"));
    }
    SECTION("the runtime answers but no headset comes") {
        const XrRun run("no-headset", "fault no-headset-seconds 60\n");
        const auto result = visit(run, {cell(), "--headset-wait", "1", "--frames", "2", "--size", "32x32", "--out",
                                        (run.folder / "tour").string()});
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("answered but no headset appeared within 1 s"));
        CHECK_THAT(result.out, Catch::Contains("display: headless"));
    }
    SECTION("with --mode xr, the visit waits for the headset and says so") {
        const XrRun run("late-headset", "fault no-headset-seconds 2.5\nend-after-frames 10\nresolution 64 64\n");
        const auto result = visit(run, {cell(), "--mode", "xr"});
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
    const auto result = visit(run, {cell(), "--mode", "xr"});
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
