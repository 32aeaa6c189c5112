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

// Checks that each eye of `capture` sees the square's centre where an eye at `eyeHeight`
// (spawned at the origin, facing -Z) would, with the square `distance` metres ahead.
void checkSquareSeenFrom(const XrRun& run, int capture, double squareHeight, double eyeHeight, double distance) {
    for (int eye = 0; eye < 2; ++eye) {
        const Rgba8Image picture = readImageFile(run.folder / ("capture" + std::to_string(capture) + "-eye" +
                                                               std::to_string(eye) + ".png"));
        const glm::dvec2 centroid = testing::objectCentroid(picture);
        const double eyeX = (eye == 0 ? -0.5 : 0.5) * testing::kRuntimeIpd;
        const glm::dvec2 expected = testing::expectedPixel(testing::kRuntimeFov[eye], kSize, kSize,
                                                           {-eyeX, squareHeight - eyeHeight, -distance});
        INFO("eye " << eye << ": square seen at " << centroid.x << ", " << centroid.y << ", expected at " << expected.x
                    << ", " << expected.y);
        CHECK(centroid.x == Approx(expected.x).margin(1.0));
        CHECK(centroid.y == Approx(expected.y).margin(1.0));
    }
}

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
    checkSquareSeenFrom(run, 40, 1.5, 1.5, 1.0);
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
    checkSquareSeenFrom(run, 30, 1.2, 1.2, 1.0);
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
    checkSquareSeenFrom(run, 8, 1.6, 1.6, 2.0);
    checkSquareSeenFrom(run, 50, 1.6, 1.6, 1.6);
    checkSquareSeenFrom(run, 100, 1.6, 1.6, 1.6); // not back at the spawn point
}

TEST_CASE("without a floor-level space, a controller held on the floor gives the visitor their own eye height",
          "[headset][placement]") {
    const auto square = testing::writeSquareModel("floor-touch", {0, 1.75f, -1}, 0.2f);
    // An adult (eyes at 1.75 m) crouches, holds the right controller on the floor with
    // trigger and grip for more than a second, lets go and stands up.
    const XrRun run("floor-touch", R"(resolution 160 160
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
capture 180
end-after-frames 190
)");
    const auto result = testing::visitOnTestRuntime(run, {square.string(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("floor set at the right controller: standing eye height 1.75 m"));
    CHECK(run.report().at("haptics_count") == "1"); // the controller buzzed once
    checkSquareSeenFrom(run, 180, 1.75, 1.75, 1.0);  // not the 1.50 m setting
}
