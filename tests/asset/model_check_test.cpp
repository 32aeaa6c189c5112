// The last gate before the GPU refuses bad indices, NaNs and dangling references,
// naming the mesh and the element.
#include "asset/model_check.h"
#include "core/error.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <limits>

using namespace usine;
using namespace usine::asset;
using namespace usine::scene;

TEST_CASE("a valid model has no problems", "[check]") {
    CHECK(findModelProblems(testing::cubeModel({0, 0, 0}, 1)).empty());
}

TEST_CASE("an index past the vertices is found and named", "[check]") {
    Model model = testing::cubeModel({0, 0, 0}, 1);
    model.primitives[0].indices[7] = 24;
    const auto problems = findModelProblems(model);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "mesh 'cube': triangle 2 uses vertex 24 but the mesh has only 24 vertices");
    CHECK_THROWS_WITH(requireValidModel(model), Catch::StartsWith("test cube: mesh 'cube': triangle 2"));
}

TEST_CASE("NaN and infinite coordinates are found", "[check]") {
    Model model = testing::cubeModel({0, 0, 0}, 1);
    model.primitives[0].vertices[5].position.y = std::numeric_limits<float>::quiet_NaN();
    model.primitives[0].vertices[9].normal.x = std::numeric_limits<float>::infinity();
    const auto problems = findModelProblems(model);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "mesh 'cube': vertex 5 has a NaN or infinite coordinate");
    model = testing::cubeModel({0, 0, 0}, 1);
    model.nodes[0].local[3][0] = std::numeric_limits<float>::infinity();
    CHECK_THAT(findModelProblems(model).at(0), Catch::Contains("NaN or infinite transform"));
}

TEST_CASE("dangling references and broken triangle lists are found", "[check]") {
    Model model = testing::cubeModel({0, 0, 0}, 1);
    model.primitives[0].material = 3;
    model.materials[0].baseColorTexture = 0; // no textures
    model.nodes.push_back({"ghost", -1, glm::mat4(1), 7});
    model.nodes.push_back({"orphan", 5, glm::mat4(1), -1});
    model.primitives[0].indices.pop_back();
    const auto problems = findModelProblems(model);
    CHECK(problems.size() == 5);
    CHECK_THAT(problems, Catch::VectorContains(std::string("mesh 'cube' has 35 indices, not a multiple of 3")));
    CHECK_THAT(problems, Catch::VectorContains(std::string("mesh 'cube' uses material 3 but the model has 1")));
    CHECK_THAT(problems, Catch::VectorContains(std::string("node 'ghost' places mesh 7 of 1")));
    // Parents come first: a later (or missing) parent could close a loop.
    CHECK_THAT(problems, Catch::VectorContains(std::string("node 'orphan' has parent 5, not an earlier node")));
}

TEST_CASE("a model with nothing to draw is refused", "[check]") {
    Model empty;
    empty.sourceName = "empty.glb";
    CHECK_THROWS_WITH(requireValidModel(empty), "empty.glb: the file contains no triangle meshes to show");
}

TEST_CASE("bounds cover every placed copy, through the node tree", "[check]") {
    Model model = testing::cubeModel({0, 0, 0}, 2);
    glm::mat4 moved(1);
    moved[3] = glm::vec4(10, 0, 0, 1);
    model.nodes.push_back({"group", -1, moved, -1});
    model.nodes.push_back({"copy", 1, moved, 0}); // 10 m further along its parent
    const Bounds bounds = modelBounds(model);
    CHECK(bounds.min.x == -1.0f);
    CHECK(bounds.max.x == 21.0f);
    CHECK(model.drawnTriangleCount() == 24);
    CHECK(model.uniqueTriangleCount() == 12);
}

TEST_CASE("textures with impossible sizes and materials with NaN are refused", "[check]") {
    Model model = testing::cubeModel({0, 0, 0}, 1);
    Texture texture;
    texture.source = "wrapped.png";
    texture.pixels.width = -1; // with height -4, width * height * 4 would wrap to 16
    texture.pixels.height = -4;
    texture.pixels.pixels.resize(16);
    model.textures.push_back(texture);
    model.materials[0].roughness = std::numeric_limits<float>::quiet_NaN();
    const auto problems = findModelProblems(model);
    CHECK_THAT(problems, Catch::VectorContains(std::string(
                             "texture 'wrapped.png' is -1x-4 pixels; sides must be 1 to 16384")));
    CHECK_THAT(problems, Catch::VectorContains(std::string("material 'matte' has a NaN or infinite value")));
}

TEST_CASE("a zero-length normal is refused (it would light as NaN)", "[check]") {
    Model model = testing::cubeModel({0, 0, 0}, 1);
    model.primitives[0].vertices[2].normal = glm::vec3(0);
    CHECK(findModelProblems(model).at(0) == "mesh 'cube': vertex 2 has a zero-length normal");
}
