// The shadow map's fit (see shadow_fit.h).
#include "scene/shadow_fit.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace usine::scene {

namespace {

// The eight corners of an eye's view between two distances.
void addCorners(const EyeView& eye, float nearZ, float farZ, std::vector<glm::vec3>& corners) {
    const float tangents[4][2] = {{std::tan(eye.fov.angleLeft), std::tan(eye.fov.angleDown)},
                                  {std::tan(eye.fov.angleRight), std::tan(eye.fov.angleDown)},
                                  {std::tan(eye.fov.angleRight), std::tan(eye.fov.angleUp)},
                                  {std::tan(eye.fov.angleLeft), std::tan(eye.fov.angleUp)}};
    for (float distance : {nearZ, farZ})
        for (const auto& t : tangents)
            corners.push_back(eye.pose.position +
                              eye.pose.orientation * glm::vec3(t[0] * distance, t[1] * distance, -distance));
}

} // namespace

ShadowView fitShadow(std::span<const EyeView> eyes, float nearZ, float reach, const Bounds& scene,
                     const glm::vec3& towardsLight, int mapSize) {
    ShadowView shadow;
    shadow.towardsLight = glm::normalize(towardsLight);
    if (eyes.empty() || scene.empty || mapSize < 1 || reach <= nearZ) return shadow;

    // Light space: looking down the light's rays, from anywhere (orthographic).
    const glm::vec3 forward = -shadow.towardsLight;
    const glm::vec3 up = std::abs(forward.y) > 0.99f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
    const glm::vec3 right = glm::normalize(glm::cross(forward, up));
    const glm::vec3 lightUp = glm::cross(right, forward);
    glm::mat4 view(1.0f);
    for (int i = 0; i < 3; ++i) {
        view[i][0] = right[i];
        view[i][1] = lightUp[i];
        view[i][2] = -forward[i];
    }

    // What the eyes see up to the reach, as a sphere: its size does not change as the
    // head turns, so neither does the texel size.
    std::vector<glm::vec3> corners;
    for (const EyeView& eye : eyes) addCorners(eye, nearZ, reach, corners);
    glm::vec3 centre(0);
    for (const glm::vec3& corner : corners) centre += corner;
    centre /= float(corners.size());
    float radius = 0;
    for (const glm::vec3& corner : corners) radius = std::max(radius, glm::length(corner - centre));

    // The scene in light space.
    glm::vec3 sceneLo(INFINITY), sceneHi(-INFINITY);
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{i & 1 ? scene.max.x : scene.min.x, i & 2 ? scene.max.y : scene.min.y,
                               i & 4 ? scene.max.z : scene.min.z};
        const glm::vec3 p = glm::vec3(view * glm::vec4(corner, 1));
        sceneLo = glm::min(sceneLo, p);
        sceneHi = glm::max(sceneHi, p);
    }
    const glm::vec3 c = glm::vec3(view * glm::vec4(centre, 1));
    // Across the light: the sphere's square, or the scene's extent when that is smaller
    // (a model on a table gets the whole map); moved inside the scene, then onto whole
    // texels.
    glm::vec2 lo, hi;
    float texel = 0;
    for (int axis = 0; axis < 2; ++axis) {
        const float width = std::min(2 * radius, sceneHi[axis] - sceneLo[axis]) * (1 + 2.0f / float(mapSize));
        const float axisTexel = std::max(width, 1e-6f) / float(mapSize);
        float start = std::clamp(c[axis] - width / 2, sceneLo[axis] - axisTexel, sceneHi[axis] + axisTexel - width);
        start = std::floor(start / axisTexel) * axisTexel;
        lo[axis] = start;
        hi[axis] = start + axisTexel * float(mapSize);
        texel = std::max(texel, axisTexel);
    }
    // Is any of the scene within the eyes' reach at all?
    if (c.x + radius < sceneLo.x || c.x - radius > sceneHi.x || c.y + radius < sceneLo.y || c.y - radius > sceneHi.y)
        return shadow;
    // Along the light: the whole scene, every caster, with a margin for depth precision.
    const float depthMargin = 0.01f * (sceneHi.z - sceneLo.z) + 1e-4f;
    const float nearPlane = -(sceneHi.z + depthMargin), farPlane = -(sceneLo.z - depthMargin);

    // Orthographic, depth 0..1 from near to far, y as Vulkan's framebuffer (down).
    glm::mat4 projection(1.0f);
    projection[0][0] = 2 / (hi.x - lo.x);
    projection[1][1] = 2 / (hi.y - lo.y);
    projection[2][2] = -1 / (farPlane - nearPlane);
    projection[3][0] = -(hi.x + lo.x) / (hi.x - lo.x);
    projection[3][1] = -(hi.y + lo.y) / (hi.y - lo.y);
    projection[3][2] = -nearPlane / (farPlane - nearPlane);
    shadow.viewProjection = projection * view;
    shadow.casters = frustumOf(shadow.viewProjection);
    shadow.texelSize = texel;
    shadow.empty = false;
    return shadow;
}

} // namespace usine::scene
