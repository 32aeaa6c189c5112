// The script format: statements, defaults, error messages naming file:line, and where
// the scripted head, hands and inputs are between keyframes.
#include "../pose_math.h"
#include "../script.h"

#include <catch2/catch.hpp>

using namespace usine::test_runtime;

namespace {

Script parsed(const std::string& text) {
    ScriptParse result = parseScript(text, "test.txt");
    INFO(result.error);
    REQUIRE(result.script);
    return *result.script;
}

std::string errorOf(const std::string& text) {
    ScriptParse result = parseScript(text, "test.txt");
    REQUIRE_FALSE(result.script);
    return result.error;
}

} // namespace

TEST_CASE("An empty script is an endless fault-free session with the documented defaults") {
    const Script script = parsed("# nothing\n\n");
    CHECK(script.width == 512);
    CHECK(script.height == 512);
    CHECK(script.ipd == Approx(0.064f));
    CHECK(script.fov[0].angleLeft == Approx(-0.82f));
    CHECK(script.fov[1].angleRight == Approx(0.82f));
    CHECK(script.profile == "/interaction_profiles/khr/simple_controller");
    CHECK_FALSE(script.endAfterFrames);
    CHECK(script.faults.refuseInstances == 0);
    CHECK(headPoseAt(script, 10).position.y == Approx(1.6f));
}

TEST_CASE("Every statement of the format is read") {
    const Script script = parsed("resolution 256 128\n"
                                 "refresh-rate 72\n"
                                 "ipd 0.07  # wider\n"
                                 "fov left -0.9 0.6 0.7 -0.75\n"
                                 "profile valve/index_controller\n"
                                 "end-after-frames 300\n"
                                 "capture 120\n"
                                 "recentre 130\n"
                                 "frame 0 head 0 1.6 0 yaw 0 pitch 0\n"
                                 "frame 0 hand right grip 0.2 1.2 -0.3 aim-pitch -30\n"
                                 "frame 50 hand left untracked\n"
                                 "frame 40 input /user/hand/right/input/trigger/value 1.0\n"
                                 "frame 41 input /user/hand/left/input/thumbstick 0.5 -1\n"
                                 "fault no-headset-seconds 3\n"
                                 "fault ready-after-seconds 0.5\n"
                                 "fault session-loss-at-frame 100\n"
                                 "fault instance-loss-at-frame 200\n"
                                 "fault refuse-instance 2\n"
                                 "fault no-stage\nfault no-array-swapchains\nfault no-vulkan-enable2\n"
                                 "fault no-depth-extension\n");
    CHECK(script.width == 256);
    CHECK(script.height == 128);
    CHECK(script.refreshHz == 72);
    CHECK(script.ipd == Approx(0.07f));
    CHECK(script.fov[0].angleLeft == Approx(-0.9f));
    CHECK(script.profile == "/interaction_profiles/valve/index_controller");
    CHECK(script.endAfterFrames == 300);
    CHECK(script.captures == std::vector<std::int64_t>{120});
    CHECK(script.recentres == std::vector<std::int64_t>{130});
    CHECK(script.faults.noHeadsetSeconds == 3);
    CHECK(script.faults.readyAfterSeconds == 0.5);
    CHECK(script.faults.sessionLossAtFrame == 100);
    CHECK(script.faults.instanceLossAtFrame == 200);
    CHECK(script.faults.refuseInstances == 2);
    CHECK(script.faults.noStage);
    CHECK(script.faults.noArraySwapchains);
    CHECK(script.faults.noVulkanEnable2);
    CHECK(script.faults.noDepthExtension);
    CHECK(parsed("fault refuse-instance\n").faults.refuseInstances == -1);
}

TEST_CASE("fault fail and fault stall name a function, a call and a time") {
    const Script script = parsed("fault fail xrCreateSession at 2\nfault fail xrCreateActionSpace\n"
                                 "fault stall xrEndSession 1.5\n");
    REQUIRE(script.faults.failures.size() == 2);
    CHECK(script.faults.failures[0].function == "xrCreateSession");
    CHECK(script.faults.failures[0].atCall == 2);
    CHECK_FALSE(script.faults.failures[1].atCall.has_value());
    REQUIRE(script.faults.stalls.size() == 1);
    CHECK(script.faults.stalls[0].seconds == 1.5);
    CHECK(errorOf("fault fail CreateSession\n").rfind("test.txt:1: fail wants an OpenXR function name", 0) == 0);
    CHECK(errorOf("fault fail xrCreateSession at 0\n") == "test.txt:1: calls are counted from 1");
    CHECK(errorOf("fault fail xrCreateSession on 3\n").rfind("test.txt:1: expected 'at N'", 0) == 0);
    CHECK(errorOf("fault stall xrEndSession -1\n") == "test.txt:1: stall wants 0 to 3600 seconds");
}

TEST_CASE("A malformed line is named by file and line") {
    CHECK(errorOf("resolution 256 256\nframe 3 head 0 1.6\n") == "test.txt:2: missing z");
    CHECK(errorOf("\n\nwarp 9\n") == "test.txt:3: unknown statement 'warp'");
    CHECK(errorOf("profile acme/wand\n").rfind("test.txt:1: unknown interaction profile", 0) == 0);
    CHECK(errorOf("fault melt\n") == "test.txt:1: unknown fault 'melt'");
    CHECK(errorOf("ipd 0.06 extra\n") == "test.txt:1: unexpected 'extra'");
    CHECK(errorOf("frame -1 head 0 0 0\n").rfind("test.txt:1: frame number must be", 0) == 0);
    CHECK(errorOf("frame 1 input /user/hand/left/input/thumbstick 0.5\n") == "test.txt:1: missing second (y) value");
    CHECK(errorOf("fov left 0.5 -0.5 0.7 -0.7\n").rfind("test.txt:1: fov needs", 0) == 0);
    CHECK(errorOf("frame 2 hand left grip 0 1 0 aim-pitch x\n") == "test.txt:1: aim-pitch must be a number, not 'x'");
}

TEST_CASE("Head poses are interpolated between keyframes and held outside them") {
    const Script script = parsed("frame 10 head 0 1.6 0\nframe 20 head 1 1.6 0 yaw 90\n");
    CHECK(headPoseAt(script, 0).position.x == Approx(0));
    CHECK(headPoseAt(script, 15).position.x == Approx(0.5f));
    CHECK(headPoseAt(script, 99).position.x == Approx(1));
    // Halfway through a quarter turn to the left, the head looks 45 degrees left.
    const XrVector3f forward = rotate(headPoseAt(script, 15).orientation, {0, 0, -1});
    CHECK(forward.x == Approx(-0.7071f).margin(1e-3));
    CHECK(forward.z == Approx(-0.7071f).margin(1e-3));
}

TEST_CASE("Hands lose and find tracking at keyframes; aim is the grip pitched by aim-pitch") {
    const Script script = parsed("frame 0 hand right grip 0.2 1.2 -0.3 aim-pitch 90\n"
                                 "frame 10 hand right untracked\n"
                                 "frame 20 hand right grip 0.4 1.2 -0.3\n");
    const HandPose start = handPoseAt(script, kRight, 0);
    CHECK(start.tracked);
    CHECK(start.grip.position.x == Approx(0.2f));
    CHECK(rotate(start.aim.orientation, {0, 0, -1}).y == Approx(1).margin(1e-4)); // pointing up
    CHECK(handPoseAt(script, kRight, 5).grip.position.x == Approx(0.2f)); // no sliding into "untracked"
    CHECK_FALSE(handPoseAt(script, kRight, 15).tracked);
    CHECK(handPoseAt(script, kRight, 25).grip.position.x == Approx(0.4f));
    CHECK(handPoseAt(script, kLeft, 0).grip.position.x == Approx(-0.2f)); // resting hand
}

TEST_CASE("Inputs hold their value from their frame until the next") {
    const Script script = parsed("frame 40 input /user/hand/right/input/trigger/value 1.0\n"
                                 "frame 41 input /user/hand/right/input/trigger/value 0\n");
    const std::string trigger = "/user/hand/right/input/trigger/value";
    CHECK_FALSE(inputAt(script, trigger, 39));
    CHECK((*inputAt(script, trigger, 40))[0] == 1.0f);
    CHECK((*inputAt(script, trigger, 41))[0] == 0.0f);
    CHECK((*inputAt(script, trigger, 1000))[0] == 0.0f);
}

TEST_CASE("The headset loses tracking at an untracked key and finds it at the next pose") {
    const Script script = parsed("frame 0 head untracked\nframe 10 head 0 1.2 0\nframe 20 head untracked\n"
                                 "frame 30 head 1 1.2 0\n");
    CHECK_FALSE(headTrackedAt(script, 0));
    CHECK_FALSE(headTrackedAt(script, 9.5));
    CHECK(headTrackedAt(script, 10));
    CHECK(headTrackedAt(script, 19));
    CHECK_FALSE(headTrackedAt(script, 25));
    CHECK(headTrackedAt(script, 31));
    // Untracked keys are not poses: the head moves from one tracked pose to the next.
    CHECK(headPoseAt(script, 5).position.y == Approx(1.2f));
    CHECK(headPoseAt(script, 20).position.x == Approx(0.5f));
    CHECK(errorOf("frame 3 head untracked 1\n") == "test.txt:1: unexpected '1'");
    CHECK(headTrackedAt(parsed("frame 10 head untracked\n"), 5)); // tracked until the loss
}
