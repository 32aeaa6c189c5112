// Projection matrices from asymmetric fields of view, against values computed by hand,
// and eye poses.
#include "core/view_geometry.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace usine;

namespace {
glm::vec3 project(const glm::mat4& m, const glm::vec3& p) {
    const glm::vec4 clip = m * glm::vec4(p, 1);
    return glm::vec3(clip) / clip.w;
}
constexpr float kDegree = 3.14159265358979f / 180.0f;
} // namespace

TEST_CASE("projection of an asymmetric field of view matches hand-computed entries", "[view]") {
    // left -45, right 30, up 20, down -40 degrees; near 0.1, far 100.
    // tan: L = -1, R = 0.577350, U = 0.363970, D = -0.839100
    const Fov fov{-45 * kDegree, 30 * kDegree, 20 * kDegree, -40 * kDegree};
    const glm::mat4 m = projectionFromFov(fov, 0.1f, 100.0f);
    // Row 0: 2/(R-L) = 2/1.577350 = 1.267949; (R+L)/(R-L) = -0.422650/1.577350 = -0.267949
    CHECK(m[0][0] == Approx(1.267949).epsilon(1e-5));
    CHECK(m[2][0] == Approx(-0.267949).epsilon(1e-5));
    // Row 1 (Vulkan Y down): -2/(U-D) = -2/1.203070 = -1.662414; -(U+D)/(U-D) = 0.475130/1.203070 = 0.394933
    CHECK(m[1][1] == Approx(-1.662414).epsilon(1e-5));
    CHECK(m[2][1] == Approx(0.394933).epsilon(1e-5));
    // Reversed depth: n/(f-n) = 0.1/99.9 = 0.001001; n*f/(f-n) = 10/99.9 = 0.100100
    CHECK(m[2][2] == Approx(0.001001).epsilon(1e-4));
    CHECK(m[3][2] == Approx(0.100100).epsilon(1e-5));
    CHECK(m[2][3] == -1.0f);
    // Everything else is zero.
    CHECK(m[1][0] == 0);
    CHECK(m[3][0] == 0);
    CHECK(m[0][1] == 0);
    CHECK(m[3][1] == 0);
    CHECK(m[0][2] == 0);
    CHECK(m[1][2] == 0);
    CHECK(m[0][3] == 0);
    CHECK(m[1][3] == 0);
    CHECK(m[3][3] == 0);
}

TEST_CASE("frustum edges land on the borders of the picture", "[view]") {
    const Fov fov{-45 * kDegree, 30 * kDegree, 20 * kDegree, -40 * kDegree};
    const glm::mat4 m = projectionFromFov(fov, 0.1f, 100.0f);
    const float depth = 3.0f;
    // A point on the left edge of the field of view projects to x = -1.
    CHECK(project(m, {std::tan(-45 * kDegree) * depth, 0, -depth}).x == Approx(-1.0f));
    CHECK(project(m, {std::tan(30 * kDegree) * depth, 0, -depth}).x == Approx(1.0f));
    // Up is the top of the picture: y = -1 in Vulkan.
    CHECK(project(m, {0, std::tan(20 * kDegree) * depth, -depth}).y == Approx(-1.0f));
    CHECK(project(m, {0, std::tan(-40 * kDegree) * depth, -depth}).y == Approx(1.0f));
    // Near plane at depth 1, far plane at depth 0 (reversed).
    CHECK(project(m, {0, 0, -0.1f}).z == Approx(1.0f));
    CHECK(project(m, {0, 0, -100.0f}).z == Approx(0.0f).margin(1e-6));
    // Depth decreases with distance.
    CHECK(project(m, {0, 0, -1.0f}).z > project(m, {0, 0, -2.0f}).z);
}

TEST_CASE("a symmetric field of view keeps the aspect ratio", "[view]") {
    const Fov fov = symmetricFov(90 * kDegree, 2.0f);
    CHECK(fov.angleRight == Approx(45 * kDegree));
    CHECK(fov.angleLeft == Approx(-45 * kDegree));
    CHECK(std::tan(fov.angleUp) == Approx(0.5f));
    CHECK(fov.angleDown == Approx(-fov.angleUp));
}

TEST_CASE("eyes sit half the eye distance either side of the head, along its own x axis", "[view]") {
    SECTION("head facing -Z") {
        const StereoPoses eyes = eyePoses(Pose{glm::quat(1, 0, 0, 0), {0, 1.6f, 0}}, 0.064f);
        CHECK(eyes.left.position.x == Approx(-0.032f));
        CHECK(eyes.right.position.x == Approx(0.032f));
        CHECK(eyes.left.position.y == Approx(1.6f));
    }
    SECTION("head turned 90 degrees to the left (facing -X)") {
        const glm::quat turned = glm::angleAxis(90 * kDegree, glm::vec3(0, 1, 0));
        const StereoPoses eyes = eyePoses(Pose{turned, {0, 0, 0}}, 0.064f);
        // Its x axis (the right ear), rotated by +90 degrees about Y, is (0,0,-1).
        CHECK(eyes.right.position.z == Approx(-0.032f));
        CHECK(eyes.left.position.z == Approx(0.032f));
        CHECK(eyes.left.position.x == Approx(0.0f).margin(1e-6));
    }
}

TEST_CASE("view matrix inverts the pose; lookAt faces the target", "[view]") {
    const Pose pose = lookAt({3, 2, 5}, {0, 1, 0});
    const glm::mat4 view = viewFromPose(pose);
    // The target lies straight ahead: on the -Z axis of eye space.
    const glm::vec4 target = view * glm::vec4(0, 1, 0, 1);
    CHECK(target.x == Approx(0.0f).margin(1e-5));
    CHECK(target.y == Approx(0.0f).margin(1e-5));
    CHECK(target.z == Approx(-std::sqrt(9.0f + 1.0f + 25.0f)));
    // The eye itself maps to the origin.
    const glm::vec4 eye = view * glm::vec4(3, 2, 5, 1);
    CHECK(glm::length(glm::vec3(eye)) == Approx(0.0f).margin(1e-5));
    // Looking straight down still gives a valid orientation.
    const Pose down = lookAt({0, 5, 0}, {0, 0, 0});
    CHECK(glm::length(down.orientation) == Approx(1.0f));
    CHECK((viewFromPose(down) * glm::vec4(0, 0, 0, 1)).z == Approx(-5.0f));
}
