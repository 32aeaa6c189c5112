// Automatic framing of a model.
#include "scene/framing.h"

#include <algorithm>
#include <cmath>

namespace usine::scene {

void fitDepthRange(const asset::Bounds& bounds, const glm::vec3& eye, float& outNear, float& outFar) {
    const float radius = std::max(bounds.radius(), 1e-3f);
    const float distance = glm::length(bounds.center() - eye);
    // Reversed float depth keeps precision far away, so a small near plane costs little.
    outFar = distance + radius * 1.5f;
    outNear = std::max({distance - radius * 1.5f, outFar * 1e-5f, 1e-3f});
}

Framing frameBounds(const asset::Bounds& bounds, const Fov& fov) {
    const float radius = std::max(bounds.radius(), 1e-3f);
    const float narrowestHalfAngle = std::min({-fov.angleLeft, fov.angleRight, fov.angleUp, -fov.angleDown});
    const float distance = radius / std::sin(std::max(narrowestHalfAngle, 0.1f)) * 1.05f;
    // Front-right, 25 degrees above the horizon.
    const glm::vec3 direction = glm::normalize(glm::vec3(0.55f, 0.45f, 0.85f));
    Framing framing;
    const glm::vec3 eye = bounds.center() + direction * distance;
    framing.head = lookAt(eye, bounds.center());
    fitDepthRange(bounds, eye, framing.nearZ, framing.farZ);
    return framing;
}

} // namespace usine::scene
