// Where a headset visit puts the visitor, measured in the eyes the test runtime reads
// back: the eye height of a seated pupil, of an adult on a runtime without a floor-level
// space, and the place a visitor walked to, kept when the headset's instance is lost.
// The world is a black square; where it lands in each eye says where that eye is.
#include "core/image_io.h"
#include "support/headset_visit.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace usine;
using testing::XrRun;

namespace {

constexpr int kSize = 160; // pixels per eye, square

// Checks that each eye of `capture` sees the square's centre (`square`, in the world)
// where eyes centred on `eyes` (in the world, facing -Z) would.
void checkSquareSeenFrom(const XrRun& run, int capture, const glm::dvec3& square, const glm::dvec3& eyes) {
    for (int eye = 0; eye < 2; ++eye) {
        const Rgba8Image picture = readImageFile(run.folder / ("capture" + std::to_string(capture) + "-eye" +
                                                               std::to_string(eye) + ".png"));
        const glm::dvec2 centroid = testing::objectCentroid(picture);
        const double eyeX = (eye == 0 ? -0.5 : 0.5) * testing::kRuntimeIpd;
        const glm::dvec2 expected =
            testing::expectedPixel(testing::kRuntimeFov[eye], kSize, kSize, square - eyes - glm::dvec3(eyeX, 0, 0));
        INFO("eye " << eye << ": square seen at " << centroid.x << ", " << centroid.y << ", expected at " << expected.x
                    << ", " << expected.y);
        CHECK(centroid.x == Approx(expected.x).margin(1.0));
        CHECK(centroid.y == Approx(expected.y).margin(1.0));
    }
}

// On a runtime without a floor-level space, an adult (eyes at 1.75 m) crouches, holds
// the right controller on the floor with trigger and grip for more than a second (frames
// 25 to 140), lets go and stands up again by frame 160.
const std::string kAdultShowsTheFloor = R"(resolution 160 160
profile oculus/touch_controller
fault no-stage
frame 0 hand left untracked
frame 0 head 0 1.75 0
frame 10 head 0 1.75 0
frame 20 head 0 0.85 -0.2
frame 20 hand right grip 0.1 0.04 -0.4
frame 25 input /user/hand/right/input/trigger/value 1
frame 25 input /user/hand/right/input/squeeze/value 1
frame 140 input /user/hand/right/input/trigger/value 0
frame 140 input /user/hand/right/input/squeeze/value 0
frame 145 head 0 0.85 -0.2
frame 150 hand right untracked
frame 160 head 0 1.75 0
)";

std::string script(const std::string& lines) {
    return "resolution 160 160\nframe 0 hand left untracked\nframe 0 hand right untracked\n" + lines;
}

} // namespace

TEST_CASE("a seated pupil sees from standing eye height, even when the headset shows nothing at first",
          "[headset][placement]") {
    // The session becomes READY late and the headset tracks only from frame 6, as a real
    // runtime does while the headset is put on: the height comes from the first tracked
    // pose, not from the untracked ones before it.
    const auto square = testing::writeSquareModel("seated", {0, 1.5f, -1}, 0.2f);
    const XrRun run("seated", script(R"(fault ready-after-seconds 0.4
frame 0 head untracked
frame 6 head 0.4 1.15 0.3 yaw 30
capture 40
end-after-frames 50
)"));
    const auto result = testing::visitOnTestRuntime(run, {square.string(), "--mode", "xr", "--seated", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("stage space"));
    // Seated eyes at 1.15 m are lifted to the standing eye height (1.50 m by default),
    // and the visitor stands on the spawn point facing -Z, whatever their room position.
    checkSquareSeenFrom(run, 40, {0, 1.5, -1.0}, {0, 1.5, 0});
}

TEST_CASE("without a floor-level space, the eye height is set at the start, height offset included",
          "[headset][placement]") {
    const auto square = testing::writeSquareModel("local", {0, 1.2f, -1}, 0.2f);
    const XrRun run("local-space", script(R"(fault no-stage
frame 0 head 0 1.75 0
capture 30
end-after-frames 40
)"));
    const auto result = testing::visitOnTestRuntime(
        run, {square.string(), "--mode", "xr", "--height-offset", "-0.3", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("local space"));
    // LOCAL space says nothing of the floor: the eyes go to --eye-height (1.50 m), and
    // --height-offset -0.3 lowers them to a small pupil's 1.20 m.
    checkSquareSeenFrom(run, 30, {0, 1.2, -1.0}, {0, 1.2, 0});
}

TEST_CASE("after the headset's instance is lost, the visitor is still where they walked to",
          "[headset][placement]") {
    const auto square = testing::writeSquareModel("walk", {0, 1.6f, -2}, 0.4f);
    // 30 frames of full stick forward at 90 Hz: 1.2 m/s x 0.333 s = 0.4 m closer.
    const XrRun run("walk-then-lose", script(R"(profile oculus/touch_controller
frame 0 head 0 1.6 0
frame 10 input /user/hand/left/input/thumbstick 0 1
frame 40 input /user/hand/left/input/thumbstick 0 0
capture 8
capture 50
fault instance-loss-at-frame 60
capture 100
end-after-frames 110
)"));
    const auto result = testing::visitOnTestRuntime(run, {square.string(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    REQUIRE(run.report().at("instance_losses") == "1");
    checkSquareSeenFrom(run, 8, {0, 1.6, -2.0}, {0, 1.6, 0});
    checkSquareSeenFrom(run, 50, {0, 1.6, -2.0}, {0, 1.6, -0.4});
    checkSquareSeenFrom(run, 100, {0, 1.6, -2.0}, {0, 1.6, -0.4}); // not back at the spawn point
}

TEST_CASE("without a floor-level space, a controller held on the floor gives the visitor their own eye height",
          "[headset][placement]") {
    const auto square = testing::writeSquareModel("floor-touch", {0, 1.75f, -1}, 0.2f);
    const XrRun run("floor-touch", kAdultShowsTheFloor + "capture 180\nend-after-frames 190\n");
    const auto result = testing::visitOnTestRuntime(run, {square.string(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("floor set at the right controller: the visitor now sees from their own eye height"));
    CHECK(run.report().at("haptics_count") == "1"); // the controller buzzed once
    checkSquareSeenFrom(run, 180, {0, 1.75, -1.0}, {0, 1.75, 0});  // not the 1.50 m setting
}

TEST_CASE("when the runtime recentres, the visitor stays where they are, with the floor they showed",
          "[headset][placement]") {
    const auto square = testing::writeSquareModel("recentre", {0, 1.75f, -1}, 0.2f);
    // On a LOCAL-only runtime an adult (eyes at 1.75 m) shows the floor, steps 0.5 m to
    // the right, and, slightly bent (1.65 m), recentres: LOCAL jumps to their head.
    const XrRun run("recentre", kAdultShowsTheFloor + R"(frame 170 head 0 1.75 0
frame 190 head 0.5 1.65 0
frame 200 head 0.5 1.65 0
recentre 200
frame 220 head 0.5 1.75 0
capture 165
capture 240
end-after-frames 250
)");
    const auto result = testing::visitOnTestRuntime(run, {square.string(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("floor set at the right controller"));
    CHECK_THAT(result.out, !Catch::Contains("show it again"));
    checkSquareSeenFrom(run, 165, {0, 1.75, -1.0}, {0, 1.75, 0});
    checkSquareSeenFrom(run, 240, {0, 1.75, -1.0}, {0.5, 1.75, 0}); // half a metre to the right, same height
}
