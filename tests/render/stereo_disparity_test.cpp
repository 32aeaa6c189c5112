// Stereo geometry measured in the rendered pictures: the disparity of an object between
// the eyes is focal length x eye distance / depth, and an asymmetric field of view
// places the object where its four angles say.
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace usine;

namespace {

constexpr float kDegree = 3.14159265358979f / 180.0f;

// A square facing the eyes, as a closed slab 1 mm thick (its edges add nothing
// measurable). Closed, not a single face: Mesa 22.3's lavapipe draws some small draws of
// the second view into the first view's layer in a multiview pass (seen with one
// 6-index face, while a closed box is right), and these tests measure our geometry, not
// that driver bug. Black: high contrast on the light background.
scene::Model darkSquare(const glm::vec3& center, float size) {
    scene::Model slab = testing::cubeModel(center, size, 0xff000000u);
    for (scene::Vertex& vertex : slab.primitives[0].vertices)
        vertex.position.z = center.z + (vertex.position.z - center.z) * (0.001f / size);
    return slab;
}

// Centroid (x, y) of where the picture differs from the background, weighted by how much:
// sub-pixel precise thanks to the antialiased edges.
glm::dvec2 centroidOfObject(const Rgba8Image& image) {
    const std::uint8_t* background = image.at(0, 0);
    double sum = 0, sumX = 0, sumY = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.at(x, y);
            const double weight = std::abs(int(p[0]) - int(background[0])) + std::abs(int(p[1]) - int(background[1])) +
                                  std::abs(int(p[2]) - int(background[2]));
            sum += weight;
            sumX += weight * (x + 0.5);
            sumY += weight * (y + 0.5);
        }
    }
    REQUIRE(sum > 0);
    return {sumX / sum, sumY / sum};
}

} // namespace

TEST_CASE("disparity between the eyes is focal x eye distance / depth, within 1 pixel", "[stereo]") {
    const VkExtent2D extent{200, 200};
    const Fov fov = symmetricFov(90 * kDegree, 1.0f);
    const double focalPixels = (extent.width / 2.0) / std::tan(45 * kDegree); // 100 px
    const float eyeDistance = 0.064f;
    const auto passes = GENERATE(render::StereoPasses::OneMultiviewPass, render::StereoPasses::OnePassPerEye);
    INFO(render::describe(passes));
    for (float depth : {1.0f, 2.0f, 4.0f}) {
        const scene::Scene scene =
            scene::sceneOfModel(std::make_shared<scene::Model>(darkSquare({0, 0, -depth}, 0.1f * depth)));
        const render::StereoCamera camera = render::stereoCameraFromHead(Pose{}, eyeDistance, fov, 0.05f, 50.0f);
        const auto eyes = testing::renderEyes(scene, camera, extent, VK_SAMPLE_COUNT_4_BIT, passes);
        const glm::dvec2 left = centroidOfObject(eyes[0]);
        const glm::dvec2 right = centroidOfObject(eyes[1]);
        const double expected = focalPixels * eyeDistance / depth;
        INFO("depth " << depth << " m: left eye x " << left.x << ", right eye x " << right.x << ", expected disparity "
                      << expected);
        // The left eye sees the object to the right of its centre, the right eye to the left.
        CHECK(left.x > 100.0);
        CHECK(right.x < 100.0);
        CHECK(left.x - right.x == Approx(expected).margin(1.0));
        CHECK(left.y == Approx(right.y).margin(0.1));
    }
}

TEST_CASE("an asymmetric field of view puts a straight-ahead object where its angles say", "[stereo]") {
    const VkExtent2D extent{200, 160};
    // Like a headset's left eye: wider on the outer side (left) and below.
    const Fov fov{-50 * kDegree, 40 * kDegree, 35 * kDegree, -45 * kDegree};
    const scene::Scene scene = scene::sceneOfModel(std::make_shared<scene::Model>(darkSquare({0, 0, -2}, 0.2f)));
    render::StereoCamera camera;
    camera.eyes[0] = {Pose{}, fov};
    camera.eyes[1] = {Pose{}, symmetricFov(90 * kDegree, 200.0f / 160.0f)};
    camera.nearZ = 0.05f;
    camera.farZ = 50.0f;
    const auto passes = GENERATE(render::StereoPasses::OneMultiviewPass, render::StereoPasses::OnePassPerEye);
    INFO(render::describe(passes));
    const auto eyes = testing::renderEyes(scene, camera, extent, VK_SAMPLE_COUNT_4_BIT, passes);
    const glm::dvec2 centroid = centroidOfObject(eyes[0]);
    // Straight ahead is at tan(0): its place across the picture is (0 - tanL) / (tanR - tanL).
    const double expectedX = extent.width * std::tan(50 * kDegree) / (std::tan(40 * kDegree) + std::tan(50 * kDegree));
    const double expectedY = extent.height * std::tan(35 * kDegree) / (std::tan(35 * kDegree) + std::tan(45 * kDegree));
    CHECK(centroid.x == Approx(expectedX).margin(1.0));
    CHECK(centroid.y == Approx(expectedY).margin(1.0));
    // The other eye, symmetric, has it in the middle: one pass really drew two different views.
    const glm::dvec2 other = centroidOfObject(eyes[1]);
    CHECK(other.x == Approx(100.0).margin(1.0));
    CHECK(other.y == Approx(80.0).margin(1.0));
}
