// Mouse and keyboard as a headset and controllers: looking, walking, turning, and the
// laser that follows the cursor.
#include "display/window/desktop_controls.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace usine;
using namespace usine::display::window;

namespace {
constexpr float kDegree = 3.14159265358979f / 180.0f;
const Fov kFov = symmetricFov(90 * kDegree, 2.0f);

glm::vec3 forwardOf(const Pose& pose) { return pose.orientation * glm::vec3(0, 0, -1); }
} // namespace

TEST_CASE("dragging with the right button turns the head; moving without it does not", "[desktop]") {
    DesktopControls controls(1.6f);
    DeviceSnapshot devices;
    devices.windowSize = {800, 400};
    devices.cursor = {400, 200};
    controls.update(devices, kFov);
    devices.cursor = {300, 200}; // moved left without the button
    controls.update(devices, kFov);
    CHECK(forwardOf(controls.head()).x == Approx(0.0f).margin(1e-5));

    devices.looking = true;
    controls.update(devices, kFov);
    devices.cursor = {200, 200}; // dragged 100 px to the left: look left
    controls.update(devices, kFov);
    const glm::vec3 forward = forwardOf(controls.head());
    CHECK(forward.x < 0);
    CHECK(std::atan2(-forward.x, -forward.z) == Approx(100 * DesktopControls::kRadiansPerPixel));
    CHECK(controls.head().position.y == Approx(1.6f));
}

TEST_CASE("walking keys drive the non-dominant stick and turn keys the dominant hand", "[desktop]") {
    DesktopControls controls(1.6f, Hand::Right);
    DeviceSnapshot devices;
    devices.forward = true;
    devices.right = true;
    devices.turnLeft = true;
    controls.update(devices, kFov);
    CHECK(controls.input()[Hand::Left].stick == glm::vec2(1, 1));
    CHECK(controls.input()[Hand::Right].turn == -1.0f);

    DesktopControls leftHanded(1.6f, Hand::Left);
    leftHanded.update(devices, kFov);
    CHECK(leftHanded.input()[Hand::Right].stick == glm::vec2(1, 1));
    CHECK(leftHanded.input()[Hand::Left].turn == -1.0f);
}

TEST_CASE("the laser goes from the hand to where the cursor points, a few metres out", "[desktop]") {
    DesktopControls controls(1.6f);
    DeviceSnapshot devices;
    devices.windowSize = {800, 400};
    devices.select = true;
    const glm::vec3 eye(0, 1.6f, 0);
    for (const glm::dvec2 cursor : {glm::dvec2(400, 200), glm::dvec2(800, 200), glm::dvec2(100, 350)}) {
        devices.cursor = cursor;
        controls.update(devices, kFov);
        const HandInput& pointer = controls.input()[Hand::Right];
        CHECK(pointer.tracked);
        CHECK(pointer.select);
        // The point the cursor shows, kPointerReach along its ray from the eye...
        const double u = cursor.x / 800, v = cursor.y / 400;
        const glm::vec3 through(float(std::tan(kFov.angleLeft) + u * (std::tan(kFov.angleRight) - std::tan(kFov.angleLeft))),
                                float(std::tan(kFov.angleUp) - v * (std::tan(kFov.angleUp) - std::tan(kFov.angleDown))),
                                -1.0f);
        const glm::vec3 target = eye + glm::normalize(through) * DesktopControls::kPointerReach;
        // ...lies on the pointing ray, which starts at the eye (what is under the cursor
        // is pointed at, near or far); the hand, low and to the right, turns towards it.
        CHECK(glm::distance(pointer.aim.position, eye) < 1e-5f);
        CHECK(glm::dot(glm::normalize(target - eye), forwardOf(pointer.aim)) == Approx(1.0f).margin(1e-5));
        CHECK(glm::dot(glm::normalize(target - pointer.grip.position), forwardOf(pointer.grip)) ==
              Approx(1.0f).margin(1e-5));
        CHECK(pointer.grip.position.x > 0);
        CHECK(pointer.grip.position.y < eye.y);
    }
}
