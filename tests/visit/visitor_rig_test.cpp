// The visitor rig: natural eye height for standing, seated and eye-level tracking;
// walking with the stick; snap turns about the head; handedness; stickless controllers.
#include "visit/visitor_rig.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace usine;
using namespace usine::visit;

namespace {
constexpr float kDegree = 3.14159265358979f / 180.0f;

Pose headAt(float x, float y, float z, float yawDegrees = 0) {
    return Pose{glm::angleAxis(yawDegrees * kDegree, glm::vec3(0, 1, 0)), {x, y, z}};
}

float yawOfWorld(const VisitorRig& rig, const Pose& head) {
    const glm::vec3 forward = rig.toWorld(head).orientation * glm::vec3(0, 0, -1);
    return std::atan2(-forward.x, -forward.z) / kDegree;
}

const Pose kSpawn{glm::quat(1, 0, 0, 0), {10, 0, 5}};
} // namespace

TEST_CASE("a standing visitor on a floor-based headset keeps their own eye height, placed on the spawn point",
          "[rig]") {
    for (float eyeHeight : {1.30f, 1.75f}) { // a 1.40 m pupil and a 1.90 m adult
        VisitorRig rig(kSpawn, TrackingOrigin::Floor, RigSettings{});
        const Pose head = headAt(0.8f, eyeHeight, -0.4f, 50); // standing off-centre in the room, turned
        rig.calibrate(head);
        const Pose world = rig.toWorld(head);
        CHECK(world.position.x == Approx(10.0f));
        CHECK(world.position.y == Approx(eyeHeight));
        CHECK(world.position.z == Approx(5.0f));
        CHECK(yawOfWorld(rig, head) == Approx(0.0f).margin(1e-3)); // facing the spawn's way
    }
}

TEST_CASE("seated, eye-level tracking and the height offset give a natural eye height", "[rig]") {
    RigSettings seated;
    seated.seated = true;
    seated.standingEyeHeight = 1.45f;
    VisitorRig sitting(kSpawn, TrackingOrigin::Floor, seated);
    const Pose seatedHead = headAt(0, 1.15f, 0);
    sitting.calibrate(seatedHead);
    CHECK(sitting.toWorld(seatedHead).position.y == Approx(1.45f));

    VisitorRig local(kSpawn, TrackingOrigin::EyeLevel, RigSettings{});
    const Pose localHead = headAt(0, 0.02f, 0); // LOCAL space: the head starts near 0
    local.calibrate(localHead);
    CHECK(local.toWorld(localHead).position.y == Approx(1.50f));

    RigSettings lower;
    lower.heightOffset = -0.35f; // an adult showing a pupil's view
    VisitorRig adult(kSpawn, TrackingOrigin::Floor, lower);
    const Pose adultHead = headAt(0, 1.75f, 0);
    adult.calibrate(adultHead);
    CHECK(adult.toWorld(adultHead).position.y == Approx(1.40f));
}

TEST_CASE("the stick of the non-dominant hand walks where the visitor looks", "[rig]") {
    VisitorRig rig(kSpawn, TrackingOrigin::Floor, RigSettings{});
    const Pose head = headAt(0, 1.6f, 0, 90); // looking towards -X in tracking space
    rig.calibrate(head);
    InputState input;
    input[Hand::Left].stick = {0, 1};
    const glm::vec3 before = rig.toWorld(head).position;
    rig.update(input, head, 0.1);
    const glm::vec3 after = rig.toWorld(head).position;
    // Calibration turned the world so the visitor faces the spawn's -Z: they walk along -Z.
    CHECK(after.z - before.z == Approx(-0.12f)); // 1.2 m/s for a tenth of a second
    CHECK(after.x == Approx(before.x).margin(1e-4));
    CHECK(after.y == Approx(before.y));

    input[Hand::Left].stick = {0.1f, 0.1f}; // inside the dead zone: no drift
    rig.update(input, head, 0.1);
    CHECK(glm::length(rig.toWorld(head).position - after) == Approx(0.0f).margin(1e-5));

    input[Hand::Left].stick = {0, 1}; // a stalled frame of 2 s does not leap 2.4 m
    rig.update(input, head, 2.0);
    CHECK(glm::length(rig.toWorld(head).position - after) == Approx(0.12f));
}

TEST_CASE("a snap turn turns 30 degrees on the spot, once per push of the stick", "[rig]") {
    VisitorRig rig(kSpawn, TrackingOrigin::Floor, RigSettings{});
    const Pose head = headAt(0.5f, 1.6f, 0.5f);
    rig.calibrate(head);
    const glm::vec3 where = rig.toWorld(head).position;
    InputState input;
    input[Hand::Right].turn = 1; // right stick to the right
    rig.update(input, head, 0.016);
    CHECK(yawOfWorld(rig, head) == Approx(-30.0f));
    CHECK(glm::length(rig.toWorld(head).position - where) == Approx(0.0f).margin(1e-4)); // turned about the head
    rig.update(input, head, 0.016); // still held: no second turn
    CHECK(yawOfWorld(rig, head) == Approx(-30.0f));
    input[Hand::Right].turn = 0;
    rig.update(input, head, 0.016);
    input[Hand::Right].turn = -1;
    rig.update(input, head, 0.016);
    CHECK(yawOfWorld(rig, head) == Approx(0.0f).margin(1e-3));
}

TEST_CASE("left-handed visitors turn with the left stick and walk with the right", "[rig]") {
    RigSettings leftHanded;
    leftHanded.dominantHand = Hand::Left;
    VisitorRig rig(kSpawn, TrackingOrigin::Floor, leftHanded);
    const Pose head = headAt(0, 1.6f, 0);
    rig.calibrate(head);
    InputState input;
    input[Hand::Left].turn = 1;
    input[Hand::Right].stick = {0, 1};
    const glm::vec3 before = rig.toWorld(head).position;
    rig.update(input, head, 0.1);
    CHECK(yawOfWorld(rig, head) == Approx(-30.0f));
    CHECK(glm::length(rig.toWorld(head).position - before) == Approx(0.12f).margin(1e-3));
}

TEST_CASE("without a stick, holding select walks where the hand points", "[rig]") {
    VisitorRig rig(kSpawn, TrackingOrigin::Floor, RigSettings{});
    const Pose head = headAt(0, 1.6f, 0);
    rig.calibrate(head);
    InputState input;
    HandInput& left = input[Hand::Left];
    left.hasStick = false;
    left.tracked = true;
    left.aim = Pose{glm::angleAxis(-90 * kDegree, glm::vec3(0, 1, 0)), {0, 1.2f, 0}}; // pointing to +X
    left.grip = left.aim;
    const glm::vec3 before = rig.toWorld(head).position;
    rig.update(input, head, 1.0 / 16); // select not held: nothing
    CHECK(glm::length(rig.toWorld(head).position - before) == Approx(0.0f).margin(1e-6));
    left.select = true;
    rig.update(input, head, 0.05);
    const glm::vec3 moved = rig.toWorld(head).position - before;
    CHECK(moved.x == Approx(0.06f));
    CHECK(moved.z == Approx(0.0f).margin(1e-5));
}

TEST_CASE("a new tracking space keeps the visitor where they stood and facing the same way", "[rig]") {
    VisitorRig rig(kSpawn, TrackingOrigin::Floor, RigSettings{});
    const Pose head = headAt(0.3f, 1.6f, 0.2f, 20);
    InputState walk;
    walk[Hand::Left].hasStick = true;
    walk[Hand::Left].stick = {0, 1};
    for (int frame = 0; frame < 90; ++frame) rig.update(walk, head, 1.0 / 90); // a metre forward
    InputState turn;
    turn[Hand::Right].hasStick = true;
    turn[Hand::Right].turn = 1;
    rig.update(turn, head, 1.0 / 90); // and 30 degrees to the right
    const Pose before = rig.toWorld(head);
    const float yawBefore = yawOfWorld(rig, head);
    CHECK(yawBefore == Approx(-30.0f).margin(1e-3));

    // A new session: the same head is somewhere else in the new tracking space.
    rig.trackingChanged(TrackingOrigin::Floor);
    CHECK_FALSE(rig.calibrated());
    const Pose moved = headAt(-1.0f, 1.6f, 2.0f, 110);
    rig.update(InputState{}, moved, 1.0 / 90);
    const Pose after = rig.toWorld(moved);
    CHECK(after.position.x == Approx(before.position.x));
    CHECK(after.position.y == Approx(before.position.y));
    CHECK(after.position.z == Approx(before.position.z));
    CHECK(yawOfWorld(rig, moved) == Approx(yawBefore).margin(1e-3));
    CHECK(glm::distance(glm::vec2(after.position.x, after.position.z), glm::vec2(10, 5)) > 0.9f); // not the spawn
}

TEST_CASE("holding a controller on the floor for a second sets the floor, also where tracking cannot tell",
          "[rig]") {
    // LOCAL space: tracking starts at the eyes of a 1.75 m adult (eyes at 1.65 m).
    VisitorRig rig(kSpawn, TrackingOrigin::EyeLevel, RigSettings{});
    const Pose standing = headAt(0, 0, 0);
    rig.update(InputState{}, standing, 1.0 / 90);
    CHECK(rig.toWorld(standing).position.y == Approx(1.50f)); // the setting, until the floor is shown

    const Pose crouching = headAt(0, -0.85f, -0.2f);
    InputState touch;
    touch[Hand::Right].tracked = true;
    touch[Hand::Right].grip = headAt(0.1f, -1.65f + 0.04f, -0.4f); // lying on the floor
    touch[Hand::Right].select = true;
    touch[Hand::Right].grab = 1;
    int buzzes = 0;
    for (int frame = 0; frame < 80; ++frame) buzzes += rig.update(touch, crouching, 1.0 / 90).floorSet.has_value();
    CHECK(buzzes == 0); // less than a second: nothing yet
    for (int frame = 0; frame < 100; ++frame) {
        const RigEvents events = rig.update(touch, crouching, 1.0 / 90);
        if (events.floorSet) {
            CHECK(*events.floorSet == Hand::Right);
            ++buzzes;
        }
    }
    CHECK(buzzes == 1); // once per touch, not every frame held
    REQUIRE(rig.measuredFloor());
    CHECK(*rig.measuredFloor() == Approx(-1.65f));
    rig.update(InputState{}, standing, 1.0 / 90);
    CHECK(rig.toWorld(standing).position.y == Approx(1.65f)); // their own eye height now

    // On a floor-level space, the same buttons with the hand hanging at a standing adult's
    // side, or held at knee height while bending, do nothing; near its floor they correct it.
    VisitorRig other(kSpawn, TrackingOrigin::Floor, RigSettings{});
    InputState low = touch;
    low[Hand::Right].grip = headAt(0.1f, 0.80f, -0.1f);
    for (int frame = 0; frame < 200; ++frame) CHECK_FALSE(other.update(low, headAt(0, 1.78f, 0), 1.0 / 90).floorSet);
    low[Hand::Right].grip = headAt(0.1f, 0.50f, -0.3f);
    for (int frame = 0; frame < 200; ++frame) CHECK_FALSE(other.update(low, headAt(0, 1.30f, 0), 1.0 / 90).floorSet);
    low[Hand::Right].grip = headAt(0.1f, 0.12f, -0.3f); // the room setup's floor is 8 cm too low
    bool corrected = false;
    for (int frame = 0; frame < 100; ++frame) corrected |= other.update(low, headAt(0, 0.9f, 0), 1.0 / 90).floorSet.has_value();
    CHECK(corrected);
    CHECK(other.toWorld(headAt(0, 1.78f, 0)).position.y == Approx(1.70f));

    // Recentring that moves the origin by a known height keeps the floor where it is.
    CHECK_FALSE(rig.trackingChanged(TrackingOrigin::EyeLevel, 0.1f)); // new origin 10 cm higher
    const Pose standingInNew = headAt(0.3f, -0.1f, 0.2f);
    rig.update(InputState{}, standingInNew, 1.0 / 90);
    REQUIRE(rig.measuredFloor());
    CHECK(*rig.measuredFloor() == Approx(-1.75f));
    CHECK(rig.toWorld(standingInNew).position.y == Approx(1.65f));

    // A new tracking space of unknown relation (a new session) forgets it, and says so.
    CHECK(rig.trackingChanged(TrackingOrigin::EyeLevel));
    rig.update(InputState{}, standing, 1.0 / 90);
    CHECK_FALSE(rig.measuredFloor());
    CHECK(rig.toWorld(standing).position.y == Approx(1.50f));
    CHECK_FALSE(rig.trackingChanged(TrackingOrigin::EyeLevel)); // nothing left to forget
}

TEST_CASE("a seated visitor's floor touch changes nothing: their height is the setting's", "[rig]") {
    RigSettings seated;
    seated.seated = true;
    VisitorRig rig(kSpawn, TrackingOrigin::Floor, seated);
    const Pose head = headAt(0, 1.1f, 0);
    InputState touch;
    touch[Hand::Left].tracked = true;
    touch[Hand::Left].grip = headAt(-0.3f, 0.05f, 0);
    touch[Hand::Left].select = true;
    touch[Hand::Left].grab = 1;
    for (int frame = 0; frame < 200; ++frame) CHECK_FALSE(rig.update(touch, head, 1.0 / 90).floorSet);
    CHECK(rig.toWorld(head).position.y == Approx(1.50f));
}
