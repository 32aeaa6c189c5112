// The sun's shadow map fit, checked against the eyes' own projections: whatever an eye
// sees within the reach lands inside the map, every caster in the scene lands within its
// depth range, and the map's texels stay put (size and grid) while the head turns and
// moves.
#include "core/view_geometry.h"
#include "scene/shadow_fit.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <random>

using namespace usine;
using namespace usine::scene;

namespace {

constexpr int kMapSize = 1024;
const glm::vec3 kTowardsSun{0.4f, 0.8f, 0.45f};

Bounds hall() { // 120 x 60 m, 11 m high
    Bounds box;
    box.include(glm::vec3(0, 0, 0));
    box.include(glm::vec3(120, 11, 60));
    return box;
}

std::array<EyeView, 2> eyesAt(const glm::vec3& head, float yawDegrees, float pitchDegrees = -10) {
    const Fov fov = symmetricFov(glm::radians(90.0f), 640.0f / 720.0f);
    const glm::quat turn = glm::angleAxis(glm::radians(yawDegrees), glm::vec3(0, 1, 0)) *
                           glm::angleAxis(glm::radians(pitchDegrees), glm::vec3(1, 0, 0));
    const StereoPoses poses = eyePoses(Pose{turn, head}, 0.063f);
    return {EyeView{poses.left, fov}, EyeView{poses.right, fov}};
}

glm::vec3 mapPosition(const ShadowView& shadow, const glm::vec3& world) {
    const glm::vec4 clip = shadow.viewProjection * glm::vec4(world, 1);
    return glm::vec3(clip) / clip.w;
}

// A point the eye sees at `distance`, at tangents (tx, ty) of its view.
glm::vec3 seen(const EyeView& eye, float tx, float ty, float distance) {
    return eye.pose.position + eye.pose.orientation * glm::vec3(tx * distance, ty * distance, -distance);
}

bool inside(const Bounds& box, const glm::vec3& p) {
    return glm::all(glm::greaterThanEqual(p, box.min)) && glm::all(glm::lessThanEqual(p, box.max));
}

} // namespace

TEST_CASE("what the eyes see within reach is inside the shadow map, and every caster within its depth", "[scene][shadow]") {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> unit(0, 1);
    const Bounds scene = hall();
    for (float yaw : {0.0f, 37.0f, 90.0f, 180.0f, 271.0f}) {
        const auto eyes = eyesAt({10, 1.6f, 30}, yaw);
        const ShadowView shadow = fitShadow(eyes, 0.05f, 25.0f, scene, kTowardsSun, kMapSize);
        REQUIRE_FALSE(shadow.empty);
        INFO("yaw " << yaw);
        int checked = 0;
        for (int i = 0; i < 4000; ++i) {
            const EyeView& eye = eyes[i % 2];
            const float tx = std::tan(eye.fov.angleLeft) + unit(random) * (std::tan(eye.fov.angleRight) - std::tan(eye.fov.angleLeft));
            const float ty = std::tan(eye.fov.angleDown) + unit(random) * (std::tan(eye.fov.angleUp) - std::tan(eye.fov.angleDown));
            const glm::vec3 p = seen(eye, tx, ty, 0.05f + unit(random) * 24.95f);
            if (!inside(scene, p)) continue; // nothing there to be shadowed
            const glm::vec3 m = mapPosition(shadow, p);
            CHECK(std::abs(m.x) <= 1.0f);
            CHECK(std::abs(m.y) <= 1.0f);
            ++checked;
        }
        CHECK(checked > 500);
        for (int i = 0; i < 1000; ++i) { // anything in the scene casts: its depth is in range
            const glm::vec3 p = scene.min + glm::vec3(unit(random), unit(random), unit(random)) * (scene.max - scene.min);
            const float depth = mapPosition(shadow, p).z;
            CHECK(depth >= 0.0f);
            CHECK(depth <= 1.0f);
        }
        // Toward the light is toward depth 0: a point above another along the light is nearer.
        const glm::vec3 ground{20, 0, 30};
        CHECK(mapPosition(shadow, ground + glm::normalize(kTowardsSun) * 3.0f).z < mapPosition(shadow, ground).z);
    }
}

TEST_CASE("the shadow map's texels keep their size and grid while the head turns and moves", "[scene][shadow]") {
    const Bounds scene = hall();
    const ShadowView first = fitShadow(eyesAt({10, 1.6f, 30}, 0), 0.05f, 25.0f, scene, kTowardsSun, kMapSize);
    const glm::vec3 anchor{15, 0, 28}; // a point on the floor, seen from both heads
    auto texelPosition = [&](const ShadowView& shadow) {
        return (glm::vec2(mapPosition(shadow, anchor)) * 0.5f + 0.5f) * float(kMapSize);
    };
    for (const auto& [head, yaw] : std::vector<std::pair<glm::vec3, float>>{{{10, 1.6f, 30}, 25}, {{10.37f, 1.55f, 30.2f}, 0},
                                                                            {{11.1f, 1.7f, 29.13f}, -40}}) {
        const ShadowView moved = fitShadow(eyesAt(head, yaw), 0.05f, 25.0f, scene, kTowardsSun, kMapSize);
        INFO("head " << head.x << " " << head.z << " yaw " << yaw);
        CHECK(moved.texelSize == Approx(first.texelSize).epsilon(1e-4));
        const glm::vec2 shift = texelPosition(moved) - texelPosition(first);
        // Whole texels (to float precision at ~1000 texels).
        CHECK(std::abs(shift.x - std::round(shift.x)) < 0.02f);
        CHECK(std::abs(shift.y - std::round(shift.y)) < 0.02f);
    }
    // 25 m of reach with a 90 degree view, on 1024 texels: under 8 cm each (4 at 2048).
    CHECK(first.texelSize < 0.08f);
}

TEST_CASE("a small model gets the whole shadow map; a scene out of reach gets none", "[scene][shadow]") {
    Bounds table;
    table.include(glm::vec3(-0.5f, 0, -0.5f));
    table.include(glm::vec3(0.5f, 1, 0.5f));
    const ShadowView close = fitShadow(eyesAt({0, 1.6f, 2}, 0, -30), 0.05f, 25.0f, table, kTowardsSun, kMapSize);
    REQUIRE_FALSE(close.empty);
    // The box's extent across the light is at most its diagonal, sqrt(3) m.
    CHECK(close.texelSize < 1.8f / kMapSize);
    const ShadowView far = fitShadow(eyesAt({200, 1.6f, 2}, 90), 0.05f, 25.0f, table, kTowardsSun, kMapSize);
    CHECK(far.empty);
}
