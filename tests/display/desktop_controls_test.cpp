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

TEST_CASE("the laser goes from the head through the cursor", "[desktop]") {
    DesktopControls controls(1.6f);
    DeviceSnapshot devices;
    devices.windowSize = {800, 400};
    devices.cursor = {400, 200}; // centre: straight ahead
    devices.select = true;
    controls.update(devices, kFov);
    const HandInput& pointer = controls.input()[Hand::Right];
    CHECK(pointer.tracked);
    CHECK(pointer.select);
    CHECK(forwardOf(pointer.aim).z == Approx(-1.0f));
    devices.cursor = {800, 200}; // right edge: the right edge of the field of view
    controls.update(devices, kFov);
    const glm::vec3 ray = forwardOf(controls.input()[Hand::Right].aim);
    CHECK(ray.x / -ray.z == Approx(std::tan(kFov.angleRight)));
    CHECK(ray.y == Approx(0.0f).margin(1e-5));
}
