// The sun's shadow on the floor, checked against geometry computed here, independently of
// the renderer: a box floating above a floor, drawn with shadows on and off. The floor is
// darker exactly where the box's outline, projected along the sun, falls on it (and the
// box does not hide it), and unchanged everywhere else. Each eye pixel's floor point
// comes from the eye's field of view, not from the renderer's matrices.
#include "render/stereo_renderer.h"
#include "scene/scene.h"
#include "support/golden.h"
#include "support/gpu_test_context.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <optional>
#include <vector>

using namespace usine;

namespace {

constexpr VkExtent2D kExtent{160, 120};
const glm::vec3 kBoxMin{-0.5f, 0.5f, -0.5f}, kBoxMax{0.5f, 1.5f, 0.5f};

// Where the ray from `origin` along `direction` enters the box, if it does.
std::optional<float> hitBox(const glm::vec3& origin, const glm::vec3& direction) {
    float enter = 0, leave = INFINITY;
    for (int axis = 0; axis < 3; ++axis) {
        if (std::abs(direction[axis]) < 1e-9f) {
            if (origin[axis] < kBoxMin[axis] || origin[axis] > kBoxMax[axis]) return std::nullopt;
            continue;
        }
        float a = (kBoxMin[axis] - origin[axis]) / direction[axis], b = (kBoxMax[axis] - origin[axis]) / direction[axis];
        if (a > b) std::swap(a, b);
        enter = std::max(enter, a);
        leave = std::min(leave, b);
    }
    if (enter > leave) return std::nullopt;
    return enter;
}

// The box's shadow on the floor (y = 0): its corners moved along the sun's rays, and the
// convex hull of those eight points (gift wrapping), counter-clockwise in (x, z).
std::vector<glm::vec2> shadowOutline(const glm::vec3& towardsSun) {
    std::vector<glm::vec2> points;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{i & 1 ? kBoxMax.x : kBoxMin.x, i & 2 ? kBoxMax.y : kBoxMin.y, i & 4 ? kBoxMax.z : kBoxMin.z};
        const glm::vec3 onFloor = corner - towardsSun * (corner.y / towardsSun.y);
        points.push_back({onFloor.x, onFloor.z});
    }
    std::size_t start = 0;
    for (std::size_t i = 1; i < points.size(); ++i)
        if (points[i].x < points[start].x) start = i;
    std::vector<glm::vec2> hull;
    std::size_t current = start;
    do {
        hull.push_back(points[current]);
        std::size_t next = (current + 1) % points.size();
        for (std::size_t i = 0; i < points.size(); ++i) {
            const glm::vec2 a = points[next] - points[current], b = points[i] - points[current];
            if (a.x * b.y - a.y * b.x < 0) next = i; // i is more clockwise: wrap the other way
        }
        current = next;
    } while (current != start && hull.size() <= points.size());
    return hull;
}

// Signed distance from the outline: negative inside.
float outlineDistance(const std::vector<glm::vec2>& hull, const glm::vec2& p) {
    float inside = -INFINITY, outside = 0;
    bool out = false;
    for (std::size_t i = 0; i < hull.size(); ++i) {
        const glm::vec2 a = hull[i], b = hull[(i + 1) % hull.size()];
        const glm::vec2 edge = glm::normalize(b - a);
        const float side = (p - a).x * edge.y - (p - a).y * edge.x; // > 0: right of the edge
        inside = std::max(inside, side);
        const float t = glm::clamp(glm::dot(p - a, b - a) / glm::dot(b - a, b - a), 0.0f, 1.0f);
        const float toEdge = glm::length(p - (a + t * (b - a)));
        if (side > 0) out = true;
        outside = i == 0 ? toEdge : std::min(outside, toEdge);
    }
    return out ? outside : inside;
}

int green(const Rgba8Image& image, int x, int y) { return image.at(x, y)[1]; }

} // namespace

TEST_CASE("the sun's shadow falls on the floor where the box's outline projects, nowhere else", "[render][shadow][golden]") {
    scene::Scene scene;
    // A 10 m grey floor facing up (a test square faces +Z half its size from its centre),
    // and a 1 m box floating half a metre above it.
    scene.addModel(std::make_shared<scene::Model>(testing::squareModel({0, 0, -5.0f}, 10.0f, 0xff808080u)),
                   glm::rotate(glm::mat4(1), glm::radians(-90.0f), glm::vec3(1, 0, 0)));
    scene.addModel(std::make_shared<scene::Model>(testing::cubeModel({0, 1, 0}, 1.0f, 0xff3080d0u)));
    const Fov fov = symmetricFov(glm::radians(90.0f), float(kExtent.width) / float(kExtent.height));
    const render::StereoCamera camera =
        render::stereoCameraFromHead(lookAt({-2.6f, 3.6f, -2.2f}, {-0.3f, 0.2f, -0.3f}), 0.064f, fov, 0.05f, 50.0f);

    render::RenderSettings settings{kExtent, VK_SAMPLE_COUNT_4_BIT, std::nullopt, false, 1.0f, true};
    render::StereoRenderer withShadows(testing::sharedGpu(), scene, settings);
    settings.shadows = false;
    render::StereoRenderer without(testing::sharedGpu(), scene, settings);
    withShadows.renderFrame(camera);
    without.renderFrame(camera);
    CHECK(withShadows.shadowText() == "sun shadows (1024 texels)"); // lavapipe: a CPU device's map
    render::StereoRenderer byDefault(testing::sharedGpu(), scene, {kExtent, VK_SAMPLE_COUNT_4_BIT, std::nullopt, false});
    CHECK(byDefault.shadowText() == "no shadows (the default on a CPU device)");
    CHECK(without.shadowText() == "no shadows");

    const glm::vec3 towardsSun = glm::normalize(scene.lighting.towardsSun);
    const std::vector<glm::vec2> outline = shadowOutline(towardsSun);
    // Shadow edges are soft over a few shadow texels, and moved off the surface by about
    // a pixel's footprint (a few centimetres here): judged only this far from the outline.
    constexpr float kMargin = 0.3f;
    for (int eye = 0; eye < 2; ++eye) {
        const Rgba8Image on = withShadows.eyes()[eye], off = without.eyes()[eye];
        const EyeView& view = camera.eyes[eye];
        const float tanLeft = std::tan(view.fov.angleLeft), tanRight = std::tan(view.fov.angleRight);
        const float tanUp = std::tan(view.fov.angleUp), tanDown = std::tan(view.fov.angleDown);
        int shadowed = 0, lit = 0, darkerInShadow = 0, unchangedOutside = 0;
        for (int y = 0; y < int(kExtent.height); ++y)
            for (int x = 0; x < int(kExtent.width); ++x) {
                const float tx = tanLeft + (float(x) + 0.5f) / float(kExtent.width) * (tanRight - tanLeft);
                const float ty = tanUp - (float(y) + 0.5f) / float(kExtent.height) * (tanUp - tanDown);
                const glm::vec3 direction = view.pose.orientation * glm::vec3(tx, ty, -1);
                if (direction.y >= 0) continue; // not towards the floor
                const float toFloor = -view.pose.position.y / direction.y;
                const glm::vec3 floorPoint = view.pose.position + direction * toFloor;
                if (std::abs(floorPoint.x) > 4.5f || std::abs(floorPoint.z) > 4.5f) continue;
                const auto box = hitBox(view.pose.position, direction);
                if (box && *box < toFloor + 0.2f) continue; // the box, or right beside its edge
                const float distance = outlineDistance(outline, {floorPoint.x, floorPoint.z});
                if (distance < -kMargin) {
                    ++shadowed;
                    darkerInShadow += green(on, x, y) <= green(off, x, y) - 25;
                } else if (distance > kMargin) {
                    ++lit;
                    unchangedOutside += std::abs(green(on, x, y) - green(off, x, y)) <= 3;
                }
            }
        INFO("eye " << eye << ": " << shadowed << " floor pixels in the shadow, " << lit << " outside it");
        CHECK(shadowed > 100);
        CHECK(lit > 5000);
        CHECK(darkerInShadow == shadowed);
        CHECK(unchangedOutside == lit);
    }

    const auto eyes = withShadows.eyes();
    const testing::GoldenResult golden = testing::compareWithGolden("shadow_on_floor", sideBySide(eyes[0], eyes[1]));
    INFO(golden.report);
    CHECK(golden.matches);
}
