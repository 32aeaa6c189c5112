// Ray against panel rectangle (see panel_hit.h).
#include "ui/panel_hit.h"

#include <cmath>

namespace usine::ui {

std::optional<glm::vec2> hitPanel(const Pose& pose, const glm::vec2& size, const Ray& ray) {
    // Into the panel's frame: its centre at the origin, its face the z = 0 plane.
    const glm::quat toPanel = glm::inverse(pose.orientation);
    const glm::vec3 origin = toPanel * (ray.origin - pose.position);
    const glm::vec3 direction = toPanel * ray.direction;
    // Only from the front (+Z side) towards the back: a panel is not clicked from behind.
    if (origin.z <= 0 || direction.z >= -1e-9f) return std::nullopt;
    const float t = -origin.z / direction.z;
    const glm::vec3 at = origin + direction * t;
    if (std::abs(at.x) > size.x * 0.5f || std::abs(at.y) > size.y * 0.5f) return std::nullopt;
    return glm::vec2(at.x + size.x * 0.5f, size.y * 0.5f - at.y);
}

} // namespace usine::ui
