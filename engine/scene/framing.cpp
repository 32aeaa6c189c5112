// Automatic framing of a model.
#include "scene/framing.h"

#include <algorithm>
#include <cmath>

namespace usine::scene {

void fitDepthRange(const scene::Bounds& bounds, const glm::vec3& eye, float& outNear, float& outFar) {
    const float radius = std::max(bounds.radius(), 1e-3f);
    const float distance = glm::length(bounds.center() - eye);
    // Reversed float depth keeps precision far away, so a small near plane costs little.
    outFar = distance + radius * 1.5f;
    outNear = std::max({distance - radius * 1.5f, outFar * 1e-5f, 1e-3f});
}

Framing frameBounds(const scene::Bounds& bounds, const Fov& fov) {
    // Front-right, 25 degrees above the horizon.
    const glm::vec3 towardsEye = glm::normalize(glm::vec3(0.55f, 0.45f, 0.85f));
    const Pose orientation = lookAt(bounds.center() + towardsEye, bounds.center());
    const glm::vec3 right = orientation.orientation * glm::vec3(1, 0, 0);
    const glm::vec3 up = orientation.orientation * glm::vec3(0, 1, 0);
    // The narrowest side of an asymmetric field of view decides.
    const float tanX = std::max(std::min(std::tan(-fov.angleLeft), std::tan(fov.angleRight)), 0.05f);
    const float tanY = std::max(std::min(std::tan(fov.angleUp), std::tan(-fov.angleDown)), 0.05f);

    // Smallest distance at which every corner of the box is inside the frustum: a corner
    // at offset o from the centre is at depth (d - o.towardsEye) and must satisfy
    // |o.right| <= tanX * depth and |o.up| <= tanY * depth.
    float distance = 0;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                          (corner & 4) ? bounds.max.z : bounds.min.z);
        const glm::vec3 offset = p - bounds.center();
        const float along = glm::dot(offset, towardsEye);
        distance = std::max({distance, along + std::abs(glm::dot(offset, right)) / tanX,
                             along + std::abs(glm::dot(offset, up)) / tanY});
    }
    distance = std::max(distance * 1.04f, 1e-3f); // a small margin around the model

    Framing framing;
    const glm::vec3 eye = bounds.center() + towardsEye * distance;
    framing.head = Pose{orientation.orientation, eye};
    fitDepthRange(bounds, eye, framing.nearZ, framing.farZ);
    return framing;
}

} // namespace usine::scene
