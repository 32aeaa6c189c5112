// What a view can see, as planes: for culling instances before anything reaches the GPU.
// Both eyes are culled with one combined frustum, so each instance is tested once.
#pragma once

#include "scene/model.h"

#include <glm/glm.hpp>
#include <vector>

namespace usine::scene {

struct Frustum {
    // Inside when dot(plane.xyz, point) + plane.w >= 0; normals of unit length.
    std::vector<glm::vec4> planes;

    // False only when the box is wholly outside one plane (may say true for a box
    // just outside a corner: conservative, never hides what is seen).
    bool mayContain(const Bounds& box) const;
};

// The frustum of a Vulkan view-projection matrix (clip space -w <= x, y <= w and
// 0 <= z <= w, either depth direction).
Frustum frustumOf(const glm::mat4& viewProjection);

// One frustum holding both eyes': each eye's planes, each moved out just enough to hold
// every corner of both frusta (for parallel eyes: the left eye's left side, the right
// eye's right side, shared top and bottom, the nearer near and the farther far). It
// never excludes what either eye sees; an instance is tested once for both eyes.
Frustum combinedFrustum(const glm::mat4& leftViewProjection, const glm::mat4& rightViewProjection);

} // namespace usine::scene
