// Levels of detail built at import: fewer triangles level after level, over the same
// vertices, and an error that really bounds how far the simpler surface strays (measured
// here against the full surface, independently of meshoptimizer's own estimate).
#include "asset/detail_levels.h"
#include "asset/model_check.h"
#include "asset/model_codec.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <algorithm>

using namespace usine;
using namespace usine::scene;

namespace {

// Distance from a point to a triangle (closest point by region, as in Ericson's
// "Real-Time Collision Detection").
float distanceToTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return glm::length(p - a);
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return glm::length(p - b);
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return glm::length(p - c);
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
    const float denominator = 1.0f / (va + vb + vc);
    return glm::length(p - (a + ab * (vb * denominator) + ac * (vc * denominator)));
}

// The farthest any point of the full surface (its vertices and triangle centres) lies
// from the simplified one.
float deviation(const Primitive& primitive, const std::vector<std::uint32_t>& simplified) {
    std::vector<glm::vec3> samples;
    for (const Vertex& vertex : primitive.vertices) samples.push_back(vertex.position);
    for (std::size_t i = 0; i + 2 < primitive.indices.size(); i += 3)
        samples.push_back((primitive.vertices[primitive.indices[i]].position +
                           primitive.vertices[primitive.indices[i + 1]].position +
                           primitive.vertices[primitive.indices[i + 2]].position) / 3.0f);
    float worst = 0;
    for (const glm::vec3& p : samples) {
        float nearest = std::numeric_limits<float>::max();
        for (std::size_t i = 0; i + 2 < simplified.size(); i += 3)
            nearest = std::min(nearest, distanceToTriangle(p, primitive.vertices[simplified[i]].position,
                                                           primitive.vertices[simplified[i + 1]].position,
                                                           primitive.vertices[simplified[i + 2]].position));
        worst = std::max(worst, nearest);
    }
    return worst;
}

} // namespace

TEST_CASE("a dense sphere gets simpler levels whose stated error bounds their real deviation", "[detail]") {
    Model model = testing::sphereModel({0, 0, 0}, 1.0f, 48, 24);
    const std::size_t fullTriangles = model.primitives[0].triangleCount();
    asset::buildDetailLevels(model);
    const Primitive& sphere = model.primitives[0];
    CHECK(sphere.triangleCount() == fullTriangles); // the full detail is kept, reordered
    REQUIRE(sphere.detailLevels.size() >= 3);
    std::size_t previous = fullTriangles;
    float previousError = 0;
    for (const DetailLevel& level : sphere.detailLevels) {
        const std::size_t triangles = level.indices.size() / 3;
        const float measured = deviation(sphere, level.indices);
        INFO(triangles << " triangles, stated error " << level.error << ", measured " << measured);
        CHECK(float(triangles) <= float(previous) * (1.0f - asset::kDetailLevelMinSaving));
        CHECK(level.error >= previousError);
        // The stated error is what the renderer trusts to stay within a pixel: the real
        // deviation must not exceed it by more than float noise.
        CHECK(measured <= level.error * 1.05f + 1e-5f);
        previous = triangles;
        previousError = level.error;
    }
    CHECK(asset::findModelProblems(model).empty());
}

TEST_CASE("small and closed-box parts keep their one level", "[detail]") {
    Model cube = testing::cubeModel({0, 0, 0}, 1.0f);
    asset::buildDetailLevels(cube);
    CHECK(cube.primitives[0].detailLevels.empty());
    CHECK(cube.primitives[0].triangleCount() == 12);
}

TEST_CASE("levels of detail travel through the model encoding and are checked", "[detail]") {
    Model model = testing::sphereModel({0, 0, 0}, 1.0f, 32, 16);
    asset::buildDetailLevels(model);
    const Model copy = asset::decodeModel(asset::encodeModel(model), "test");
    REQUIRE(copy.primitives[0].detailLevels.size() == model.primitives[0].detailLevels.size());
    CHECK(copy.primitives[0].detailLevels[0].indices == model.primitives[0].detailLevels[0].indices);
    CHECK(copy.primitives[0].detailLevels[0].error == model.primitives[0].detailLevels[0].error);

    Model broken = model;
    broken.primitives[0].detailLevels[0].indices[4] = 1u << 30;
    broken.primitives[0].detailLevels[1].error = std::numeric_limits<float>::quiet_NaN();
    const auto problems = asset::findModelProblems(broken);
    CHECK_THAT(problems, Catch::VectorContains(std::string("mesh 'sphere': detail level 1 uses vertex 1073741824 but "
                                                           "the mesh has only " +
                                                           std::to_string(model.primitives[0].vertices.size()) +
                                                           " vertices")));
    CHECK(problems.size() == 2);
}
