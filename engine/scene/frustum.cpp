// Frustum planes from view-projection matrices, their union for two eyes, box tests.
#include "scene/frustum.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace usine::scene {
namespace {

glm::vec4 normalizedPlane(const glm::vec4& plane) {
    const float length = glm::length(glm::vec3(plane));
    return length > 0 ? plane / length : plane;
}

std::array<glm::vec3, 8> corners(const glm::mat4& viewProjection) {
    const glm::mat4 inverse = glm::inverse(viewProjection);
    std::array<glm::vec3, 8> points;
    for (int i = 0; i < 8; ++i) {
        const glm::vec4 clip((i & 1) ? 1.0f : -1.0f, (i & 2) ? 1.0f : -1.0f, (i & 4) ? 1.0f : 0.0f, 1.0f);
        const glm::vec4 world = inverse * clip;
        points[static_cast<std::size_t>(i)] = glm::vec3(world) / world.w;
    }
    return points;
}

} // namespace

bool Frustum::mayContain(const Bounds& box) const {
    if (box.empty) return false;
    for (const glm::vec4& plane : planes) {
        // The box corner farthest along the plane's normal.
        const glm::vec3 farthest(plane.x >= 0 ? box.max.x : box.min.x, plane.y >= 0 ? box.max.y : box.min.y,
                                 plane.z >= 0 ? box.max.z : box.min.z);
        if (glm::dot(glm::vec3(plane), farthest) + plane.w < 0) return false;
    }
    return true;
}

Frustum frustumOf(const glm::mat4& m) {
    // Rows of the matrix (glm stores columns).
    const glm::vec4 row0(m[0][0], m[1][0], m[2][0], m[3][0]);
    const glm::vec4 row1(m[0][1], m[1][1], m[2][1], m[3][1]);
    const glm::vec4 row2(m[0][2], m[1][2], m[2][2], m[3][2]);
    const glm::vec4 row3(m[0][3], m[1][3], m[2][3], m[3][3]);
    Frustum frustum;
    for (const glm::vec4& plane : {row3 + row0, row3 - row0, row3 + row1, row3 - row1, row2, row3 - row2})
        frustum.planes.push_back(normalizedPlane(plane));
    return frustum;
}

Frustum combinedFrustum(const glm::mat4& left, const glm::mat4& right) {
    std::vector<glm::vec3> points;
    for (const glm::mat4* viewProjection : {&left, &right})
        for (const glm::vec3& corner : corners(*viewProjection)) points.push_back(corner);

    // Each eye's planes, each pushed out just far enough to hold every corner of both
    // frusta. Both frusta are the convex hulls of their corners, so whatever either eye
    // sees is inside every such plane: the result is never too tight. For parallel eyes
    // the left eye's left plane and the right eye's right plane need no push at all.
    Frustum combined;
    for (const glm::mat4* viewProjection : {&left, &right}) {
        for (glm::vec4 plane : frustumOf(*viewProjection).planes) {
            for (const glm::vec3& p : points) plane.w = std::max(plane.w, -glm::dot(glm::vec3(plane), p));
            const bool duplicate = std::any_of(combined.planes.begin(), combined.planes.end(), [&](const glm::vec4& q) {
                return glm::dot(glm::vec3(q), glm::vec3(plane)) > 0.99999f && std::abs(q.w - plane.w) < 1e-5f;
            });
            if (!duplicate) combined.planes.push_back(plane);
        }
    }
    return combined;
}

} // namespace usine::scene
