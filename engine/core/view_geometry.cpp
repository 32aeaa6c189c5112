// Eye poses and projection matrices (see view_geometry.h for the conventions).
#include "core/view_geometry.h"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace usine {

Fov symmetricFov(float horizontalRadians, float aspect) {
    const float tanHalfX = std::tan(horizontalRadians * 0.5f);
    const float tanHalfY = tanHalfX / aspect;
    const float halfY = std::atan(tanHalfY);
    return Fov{-horizontalRadians * 0.5f, horizontalRadians * 0.5f, halfY, -halfY};
}

glm::mat4 projectionFromFov(const Fov& fov, float nearZ, float farZ) {
    const float tanLeft = std::tan(fov.angleLeft);
    const float tanRight = std::tan(fov.angleRight);
    const float tanUp = std::tan(fov.angleUp);
    const float tanDown = std::tan(fov.angleDown);
    const float width = tanRight - tanLeft;
    const float height = tanUp - tanDown;

    // glm is column-major: m[column][row].
    glm::mat4 m(0.0f);
    m[0][0] = 2.0f / width;
    m[2][0] = (tanRight + tanLeft) / width;
    // Vulkan's +Y is down the picture, hence the negated row.
    m[1][1] = -2.0f / height;
    m[2][1] = -(tanUp + tanDown) / height;
    // Reversed depth: z_clip = a*z + b with depth(-near) = 1 and depth(-far) = 0.
    m[2][2] = nearZ / (farZ - nearZ);
    m[3][2] = nearZ * farZ / (farZ - nearZ);
    m[2][3] = -1.0f;
    return m;
}

Pose compose(const Pose& parent, const Pose& child) {
    return Pose{glm::normalize(parent.orientation * child.orientation),
                parent.position + parent.orientation * child.position};
}

Pose inverse(const Pose& pose) {
    const glm::quat inverted = glm::conjugate(pose.orientation);
    return Pose{inverted, inverted * -pose.position};
}

glm::mat4 poseMatrix(const Pose& pose) {
    glm::mat4 world = glm::mat4_cast(pose.orientation);
    world[3] = glm::vec4(pose.position, 1.0f);
    return world;
}

glm::mat4 viewFromPose(const Pose& pose) { return glm::inverse(poseMatrix(pose)); }

Pose lookAt(const glm::vec3& eye, const glm::vec3& target) {
    glm::vec3 forward = glm::normalize(target - eye);
    glm::vec3 up(0, 1, 0);
    if (std::abs(glm::dot(forward, up)) > 0.999f) up = glm::vec3(0, 0, forward.y > 0 ? -1 : 1);
    glm::vec3 right = glm::normalize(glm::cross(forward, up));
    glm::vec3 trueUp = glm::cross(right, forward);
    glm::mat3 basis(right, trueUp, -forward); // columns: eye x, y, z in world space
    return Pose{glm::normalize(glm::quat_cast(basis)), eye};
}

StereoPoses eyePoses(const Pose& head, float eyeDistance) {
    const glm::vec3 side = head.orientation * glm::vec3(eyeDistance * 0.5f, 0, 0);
    return StereoPoses{Pose{head.orientation, head.position - side}, Pose{head.orientation, head.position + side}};
}

} // namespace usine
