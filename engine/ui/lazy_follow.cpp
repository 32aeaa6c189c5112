// Lazy follow (see lazy_follow.h).
#include "ui/lazy_follow.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/constants.hpp>

namespace usine::ui {
namespace {

// The head's heading about +Y (0 = looking down -Z), from where it looks, flattened.
float headingOf(const Pose& head) {
    const glm::vec3 forward = head.orientation * glm::vec3(0, 0, -1);
    return std::atan2(-forward.x, -forward.z);
}

// `angle` brought into (-pi, pi].
float wrapped(float angle) {
    const float turn = glm::two_pi<float>();
    angle = std::fmod(angle + glm::pi<float>(), turn);
    if (angle < 0) angle += turn;
    return angle - glm::pi<float>();
}

} // namespace

Pose LazyFollow::update(const Pose& head, double deltaSeconds) {
    const float heading = headingOf(head);
    if (!placed_) {
        yaw_ = heading;
        placed_ = true;
    }
    float offset = wrapped(heading - yaw_);
    // A turn of 40 degrees counts (0.01 degree of slack: a pose's rounding must not decide).
    if (!recentring_ && std::abs(offset) >= glm::radians(settings_.recentreDegrees - 0.01f)) {
        recentring_ = true;
        swingSpeed_ = std::abs(offset) / settings_.recentreSeconds;
    }
    if (recentring_) {
        // The head may keep turning during the swing: never slower than what still
        // arrives in time.
        swingSpeed_ = std::max(swingSpeed_, std::abs(offset) / settings_.recentreSeconds);
        const float step = swingSpeed_ * static_cast<float>(deltaSeconds);
        if (std::abs(offset) <= step) {
            yaw_ = heading;
            recentring_ = false;
        } else {
            yaw_ = wrapped(yaw_ + std::copysign(step, offset));
        }
    }
    const glm::vec3 direction(-std::sin(yaw_), 0, -std::cos(yaw_));
    const glm::vec3 position = head.position + direction * settings_.distance - glm::vec3(0, settings_.dropBelowEyes, 0);
    // Facing the visitor: the panel's +Z points back along the direction.
    return Pose{glm::angleAxis(yaw_, glm::vec3(0, 1, 0)), position};
}

} // namespace usine::ui
