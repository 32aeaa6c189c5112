// How an eye sees: its pose in the world and its (possibly asymmetric) field of view,
// in the conventions OpenXR reports them, and the matrices Vulkan needs from them.
//
// Conventions (same as OpenXR): right-handed, +Y up, the eye looks down -Z; angles in
// radians, angleLeft and angleDown are negative for a view centred on the eye axis.
// Clip space is Vulkan's: +Y points down the picture, depth runs 0..1, and we use
// reversed depth (near plane -> 1, far plane -> 0) because float depth then keeps its
// precision far away, where a factory hall needs it.
#pragma once

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace usine {

struct Fov {
    float angleLeft = 0;
    float angleRight = 0;
    float angleUp = 0;
    float angleDown = 0;
};

struct Pose {
    glm::quat orientation{1, 0, 0, 0};
    glm::vec3 position{0, 0, 0};
};

// One eye: where it is and what it sees.
struct EyeView {
    Pose pose;
    Fov fov;
};

// Pose composition: `parent` * `child` (child given in parent's frame).
Pose compose(const Pose& parent, const Pose& child);
Pose inverse(const Pose& pose);

// A symmetric field of view from a horizontal angle and a picture aspect (width/height).
Fov symmetricFov(float horizontalRadians, float aspect);

// Projection for an asymmetric frustum, reversed depth: a point at distance `nearZ`
// lands on depth 1, one at `farZ` on depth 0.
glm::mat4 projectionFromFov(const Fov& fov, float nearZ, float farZ);

// The transform that places something at `pose` (its local frame -> the pose's space).
glm::mat4 poseMatrix(const Pose& pose);

// World-to-eye transform: the inverse of the eye's pose.
glm::mat4 viewFromPose(const Pose& pose);

// A pose at `eye` looking at `target`, with +Y as up (or +Z when looking straight up/down).
Pose lookAt(const glm::vec3& eye, const glm::vec3& target);

// The two eye poses of a head: each eye is half the eye distance to the side of the
// head, along the head's own x axis, with the head's orientation (parallel eyes, as
// headsets report them).
struct StereoPoses {
    Pose left;
    Pose right;
};
StereoPoses eyePoses(const Pose& head, float eyeDistance);

} // namespace usine
