// Desktop look, walk, turn and pointer (see desktop_controls.h).
#include "display/window/desktop_controls.h"

#include <algorithm>
#include <cmath>

namespace usine::display::window {

DesktopControls::DesktopControls(float eyeHeight, Hand dominantHand) : eyeHeight_(eyeHeight), dominant_(dominantHand) {}

Pose DesktopControls::head() const {
    const glm::quat orientation = glm::angleAxis(yaw_, glm::vec3(0, 1, 0)) * glm::angleAxis(pitch_, glm::vec3(1, 0, 0));
    return Pose{orientation, glm::vec3(0, eyeHeight_, 0)};
}

void DesktopControls::update(const DeviceSnapshot& devices, const Fov& fov) {
    if (devices.looking && wasLooking_) {
        const glm::dvec2 moved = devices.cursor - lastCursor_;
        yaw_ -= static_cast<float>(moved.x) * kRadiansPerPixel;
        pitch_ = std::clamp(pitch_ - static_cast<float>(moved.y) * kRadiansPerPixel, -1.4f, 1.4f);
    }
    wasLooking_ = devices.looking;
    lastCursor_ = devices.cursor;

    input_ = InputState{};
    HandInput& walker = input_[otherHand(dominant_)];
    HandInput& pointer = input_[dominant_];
    walker.stick = glm::vec2(float(devices.right) - float(devices.left), float(devices.forward) - float(devices.back));
    pointer.turn = float(devices.turnRight) - float(devices.turnLeft);

    // The pointer's ray goes from the head through the cursor, as a laser from the hand.
    const Pose h = head();
    const double u = std::clamp(devices.cursor.x / std::max(1.0, devices.windowSize.x), 0.0, 1.0);
    const double v = std::clamp(devices.cursor.y / std::max(1.0, devices.windowSize.y), 0.0, 1.0);
    const float tanX = float(std::tan(fov.angleLeft) + u * (std::tan(fov.angleRight) - std::tan(fov.angleLeft)));
    const float tanY = float(std::tan(fov.angleUp) - v * (std::tan(fov.angleUp) - std::tan(fov.angleDown)));
    const glm::vec3 direction = h.orientation * glm::normalize(glm::vec3(tanX, tanY, -1));
    // The hand is held low and to the side, turned towards what the cursor shows. The
    // pointing ray itself starts at the eye: what lies under the cursor is what is
    // pointed at, at any distance (a ray from the hand would miss a near panel).
    const glm::vec3 hand = h.position + h.orientation * glm::vec3(dominant_ == Hand::Right ? 0.2f : -0.2f, -0.3f, -0.3f);
    const glm::vec3 target = h.position + direction * kPointerReach;
    pointer.tracked = true;
    pointer.grip = lookAt(hand, target);
    pointer.aim = lookAt(h.position, target);
    pointer.select = devices.select;
    pointer.grab = devices.grab ? 1.0f : 0.0f;
    pointer.menu = devices.menu;
    input_.keys = devices.keys;
}

} // namespace usine::display::window
