// The runtime through the real Khronos loader: controller input from the script,
// through the application's suggested bindings, for several profiles.
#include "test_client.h"
#include "test_folders.h"

#include <catch2/catch.hpp>

using namespace usine::test_runtime::client;

namespace {

XrActionStateGetInfo getInfo(TestClient& client, const char* action, const char* hand) {
    return XrActionStateGetInfo{XR_TYPE_ACTION_STATE_GET_INFO, nullptr, client.action(action), client.path(hand)};
}

float triggerOf(TestClient& client, const char* hand) {
    XrActionStateFloat state{XR_TYPE_ACTION_STATE_FLOAT, nullptr, 0, XR_FALSE, 0, XR_FALSE};
    const XrActionStateGetInfo info = getInfo(client, "trigger", hand);
    REQUIRE(xrGetActionStateFloat(client.session(), &info, &state) == XR_SUCCESS);
    return state.currentState;
}

XrActionStateBoolean selectOf(TestClient& client, const char* hand) {
    XrActionStateBoolean state{XR_TYPE_ACTION_STATE_BOOLEAN, nullptr, XR_FALSE, XR_FALSE, 0, XR_FALSE};
    const XrActionStateGetInfo info = getInfo(client, "select", hand);
    REQUIRE(xrGetActionStateBoolean(client.session(), &info, &state) == XR_SUCCESS);
    return state;
}

void runToFrame(TestClient& client, std::int64_t frame) {
    while (client.lastFrameIndex() < frame) REQUIRE(client.turn() != Turn::Exiting);
}

void startSession(TestClient& client) {
    REQUIRE(client.createInstance() == XR_SUCCESS);
    REQUIRE(client.getSystem() == XR_SUCCESS);
    REQUIRE(client.createSession() == XR_SUCCESS);
}

constexpr const char* kRight = "/user/hand/right";
constexpr const char* kLeft = "/user/hand/left";

} // namespace

TEST_CASE("Touch controller: trigger value, boolean with hysteresis, thumbstick, profile, haptics") {
    const auto folder = testFolder("input_touch");
    useScript(folder, "resolution 64 64\nprofile oculus/touch_controller\n"
                      "frame 20 input /user/hand/right/input/trigger/value 0.7\n"
                      "frame 25 input /user/hand/right/input/trigger/value 0.45\n"
                      "frame 30 input /user/hand/right/input/trigger/value 0.2\n"
                      "frame 20 input /user/hand/left/input/thumbstick 0.5 -1\n");
    TestClient client;
    startSession(client);
    runToFrame(client, 19);
    CHECK(client.profileChangedSeen());
    XrInteractionProfileState profile{XR_TYPE_INTERACTION_PROFILE_STATE, nullptr, XR_NULL_PATH};
    REQUIRE(xrGetCurrentInteractionProfile(client.session(), client.path(kRight), &profile) == XR_SUCCESS);
    CHECK(profile.interactionProfile == client.path("/interaction_profiles/oculus/touch_controller"));
    CHECK(triggerOf(client, kRight) == 0.0f);
    CHECK_FALSE(selectOf(client, kRight).currentState);

    runToFrame(client, 20);
    CHECK(triggerOf(client, kRight) == Approx(0.7f));
    CHECK(selectOf(client, kRight).currentState);
    CHECK(selectOf(client, kRight).changedSinceLastSync);
    CHECK(selectOf(client, kRight).isActive);
    CHECK(triggerOf(client, kLeft) == 0.0f);
    XrActionStateVector2f stick{XR_TYPE_ACTION_STATE_VECTOR2F, nullptr, {}, XR_FALSE, 0, XR_FALSE};
    const XrActionStateGetInfo stickInfo = getInfo(client, "stick", kLeft);
    REQUIRE(xrGetActionStateVector2f(client.session(), &stickInfo, &stick) == XR_SUCCESS);
    CHECK(stick.currentState.x == Approx(0.5f));
    CHECK(stick.currentState.y == Approx(-1.0f));

    runToFrame(client, 21);
    CHECK_FALSE(selectOf(client, kRight).changedSinceLastSync);
    runToFrame(client, 26);
    CHECK(triggerOf(client, kRight) == Approx(0.45f));
    CHECK(selectOf(client, kRight).currentState); // still held: releases below 0.4
    runToFrame(client, 30);
    CHECK_FALSE(selectOf(client, kRight).currentState);
    CHECK(selectOf(client, kRight).changedSinceLastSync);

    XrHapticVibration vibration{XR_TYPE_HAPTIC_VIBRATION, nullptr, 100'000'000, XR_FREQUENCY_UNSPECIFIED, 0.5f};
    XrHapticActionInfo haptic{XR_TYPE_HAPTIC_ACTION_INFO, nullptr, client.action("buzz"), client.path(kRight)};
    CHECK(xrApplyHapticFeedback(client.session(), &haptic, reinterpret_cast<XrHapticBaseHeader*>(&vibration)) ==
          XR_SUCCESS);

    XrBoundSourcesForActionEnumerateInfo sourcesInfo{XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO, nullptr,
                                                     client.action("trigger")};
    std::uint32_t count = 0;
    REQUIRE(xrEnumerateBoundSourcesForAction(client.session(), &sourcesInfo, 0, &count, nullptr) == XR_SUCCESS);
    CHECK(count == 2);
    client.destroyInstance();
    auto report = readReport(folder);
    CHECK(report["haptics_count"] == "1");
    CHECK(report["last_haptic"] == "right amplitude=0.5 duration_ns=100000000 frequency=0");
    CHECK(report["profile"] == "/interaction_profiles/oculus/touch_controller");
    CHECK(report["api_misuse_count"] == "0");
}

TEST_CASE("Simple controller: a click read by a float action is 0 or 1") {
    useScript(testFolder("input_simple"), "resolution 64 64\n"
                                          "frame 10 input /user/hand/left/input/select/click 1\n");
    TestClient client;
    startSession(client);
    runToFrame(client, 10);
    CHECK(triggerOf(client, kLeft) == 1.0f);
    CHECK(selectOf(client, kLeft).currentState);
    CHECK_FALSE(selectOf(client, kRight).currentState);
}

TEST_CASE("Index controller: an identifier binding reads value for floats and click for booleans") {
    useScript(testFolder("input_index"), "resolution 64 64\nprofile valve/index_controller\n"
                                         "frame 10 input /user/hand/left/input/trigger/value 0.3\n"
                                         "frame 10 input /user/hand/left/input/trigger/click 1\n");
    TestClient client;
    startSession(client);
    runToFrame(client, 10);
    CHECK(triggerOf(client, kLeft) == Approx(0.3f));
    CHECK(selectOf(client, kLeft).currentState);
}
