// The node tree: names, parents, moving and hiding, articulated chains, bounds and ray
// hit-tests, all without a GPU.
#include "scene/scene.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>

using namespace usine;
using namespace usine::scene;

namespace {

std::shared_ptr<const Model> cube(float size = 1.0f) {
    return std::make_shared<Model>(testing::cubeModel({0, 0, 0}, size));
}

glm::vec3 positionOf(const Scene& scene, NodeId id) { return glm::vec3(scene.world(id)[3]); }

bool near(const glm::vec3& a, const glm::vec3& b) { return glm::length(a - b) < 1e-4f; }

// A model with a tree of its own: a base, and an arm under it 1 m up.
std::shared_ptr<const Model> baseWithArm() {
    Model model = testing::cubeModel({0, 0, 0}, 0.5f);
    model.sourceName = "press.glb";
    model.nodes = {{"Base", -1, glm::mat4(1), 0},
                   {"Arm", 0, glm::translate(glm::mat4(1), glm::vec3(0, 1, 0)), 0}};
    return std::make_shared<Model>(model);
}

} // namespace

TEST_CASE("a model's nodes keep their names and tree under a group named after the file", "[scene]") {
    Scene scene;
    const NodeId press = scene.addModel(baseWithArm(), glm::translate(glm::mat4(1), glm::vec3(5, 0, 0)));
    CHECK(scene.node(press).name == "press.glb");
    CHECK(scene.node(press).kind == NodeKind::Group);
    const auto base = scene.find("Base");
    const auto arm = scene.find("Arm");
    REQUIRE(base);
    REQUIRE(arm);
    CHECK(scene.node(*base).parent == press);
    CHECK(scene.node(*arm).parent == *base);
    CHECK(scene.node(*arm).kind == NodeKind::Part);
    CHECK(near(positionOf(scene, *arm), {5, 1, 0}));
    CHECK_FALSE(scene.find("Wheel"));

    // Two presses: a name is looked for below one of them.
    const NodeId second = scene.addModel(baseWithArm(), glm::translate(glm::mat4(1), glm::vec3(-5, 0, 0)), kNoNode,
                                         NodeKind::Part, "press 2");
    const auto secondArm = scene.find("Arm", second);
    REQUIRE(secondArm);
    CHECK(*secondArm != *arm);
    CHECK(near(positionOf(scene, *secondArm), {-5, 1, 0}));
    CHECK(scene.models().size() == 2);
}

TEST_CASE("an articulated chain moves as one when a joint turns", "[scene]") {
    // A robot arm: base joint, shoulder 0.5 m up, elbow 1 m along, a gripper at the end.
    Scene scene;
    const NodeId robot = scene.addNode("robot", kNoNode, glm::mat4(1));
    const NodeId base = scene.addNode("base joint", robot, glm::mat4(1), NodeKind::Joint);
    const NodeId shoulder =
        scene.addNode("shoulder", base, glm::translate(glm::mat4(1), glm::vec3(0, 0.5f, 0)), NodeKind::Joint);
    const NodeId elbow =
        scene.addNode("elbow", shoulder, glm::translate(glm::mat4(1), glm::vec3(1, 0, 0)), NodeKind::Joint);
    const NodeId gripper = scene.addModel(cube(0.1f), glm::translate(glm::mat4(1), glm::vec3(1, 0, 0)), elbow);
    CHECK(near(positionOf(scene, gripper), {2, 0.5f, 0}));
    CHECK(near(positionOf(scene, elbow), {1, 0.5f, 0}));

    // Turning the base 90 degrees about the vertical carries shoulder, elbow and gripper.
    scene.setLocal(base, glm::rotate(glm::mat4(1), glm::radians(90.0f), glm::vec3(0, 1, 0)));
    CHECK(near(positionOf(scene, elbow), {0, 0.5f, -1}));
    CHECK(near(positionOf(scene, gripper), {0, 0.5f, -2}));
    // Then bending the elbow up: only what is below it moves.
    scene.setLocal(elbow, glm::rotate(glm::translate(glm::mat4(1), glm::vec3(1, 0, 0)), glm::radians(90.0f),
                                      glm::vec3(0, 0, 1)));
    CHECK(near(positionOf(scene, elbow), {0, 0.5f, -1}));
    CHECK(near(positionOf(scene, gripper), {0, 1.5f, -1}));
    // The gripper's box followed too.
    const Bounds box = scene.meshWorldBounds(scene.children(gripper).at(0));
    CHECK(near(box.center(), {0, 1.5f, -1}));
}

TEST_CASE("hiding a node hides everything below it, and showing it brings it back", "[scene]") {
    Scene scene;
    const NodeId press = scene.addModel(baseWithArm());
    const NodeId arm = *scene.find("Arm");
    const std::uint64_t before = scene.stateRevision();
    scene.setVisible(press, false);
    CHECK_FALSE(scene.shown(arm));
    CHECK(scene.bounds().empty);
    CHECK(scene.stateRevision() > before);
    scene.setVisible(press, true);
    CHECK(scene.shown(arm));
    CHECK_FALSE(scene.bounds().empty);
    // Moving, hiding and highlighting never touch the models.
    CHECK(scene.structureRevision() == 3);
}

TEST_CASE("a part picked up keeps its place in the world, then follows the hand", "[scene]") {
    Scene scene;
    const NodeId part = scene.addModel(cube(0.2f), glm::translate(glm::mat4(1), glm::vec3(1, 1, -1)));
    const NodeId hand = scene.addNode("hand", kNoNode, glm::translate(glm::mat4(1), glm::vec3(0, 1, 0)),
                                      NodeKind::Visitor);
    scene.setParent(part, hand);
    CHECK(near(positionOf(scene, part), {1, 1, -1}));
    scene.setLocal(hand, glm::translate(glm::mat4(1), glm::vec3(0, 2, 0)));
    CHECK(near(positionOf(scene, part), {1, 2, -1}));
    // A node cannot be put under itself or what hangs below it.
    CHECK_THROWS(scene.setParent(hand, part));
}

TEST_CASE("ray hit-tests name the nearest part, on its triangles, either side", "[scene]") {
    Scene scene;
    const NodeId nearCube = scene.addModel(cube(1), glm::translate(glm::mat4(1), glm::vec3(0, 0, -3)), kNoNode,
                                           NodeKind::Part, "near");
    const NodeId farCube = scene.addModel(cube(1), glm::translate(glm::mat4(1), glm::vec3(0, 0, -6)), kNoNode,
                                          NodeKind::Part, "far");
    const auto hit = scene.hitTest({0, 0, 0}, {0, 0, -1});
    REQUIRE(hit);
    CHECK(scene.node(hit->node).parent == nearCube);
    CHECK(hit->distance == Approx(2.5f).margin(1e-4));
    CHECK(near(hit->point, {0, 0, -2.5f}));

    // Beside the near cube (within its bounding sphere but off its faces): the far one.
    scene.setLocal(farCube, glm::translate(glm::mat4(1), glm::vec3(0.9f, 0, -6)));
    const auto beside = scene.hitTest({0.7f, 0, 0}, {0, 0, -1});
    REQUIRE(beside);
    CHECK(scene.node(beside->node).parent == farCube);
    CHECK(beside->distance == Approx(5.5f).margin(1e-4));

    // A hidden part is not hit; nor is anything past the reach given.
    // (x = 0.45 m: through the near cube and the far one's edge.)
    CHECK(scene.node(scene.hitTest({0.45f, 0, 0}, {0, 0, -1})->node).parent == nearCube);
    scene.setVisible(nearCube, false);
    const auto throughHidden = scene.hitTest({0.45f, 0, 0}, {0, 0, -1});
    REQUIRE(throughHidden);
    CHECK(scene.node(throughHidden->node).parent == farCube);
    CHECK_FALSE(scene.hitTest({0.45f, 0, 0}, {0, 0, -1}, 5.0f));
    // From inside a cube the ray meets its far face from behind: still a hit.
    scene.setVisible(nearCube, true);
    const auto inside = scene.hitTest({0, 0, -3}, {0, 0, -1});
    REQUIRE(inside);
    CHECK(inside->distance == Approx(0.5f).margin(1e-4));
    // Only below a given node.
    const auto onlyFar = scene.hitTest({0.7f, 0, 0}, {0, 0, -1}, 100.0f, farCube);
    REQUIRE(onlyFar);
    CHECK(scene.node(onlyFar->node).parent == farCube);
}

TEST_CASE("the visitor's own controllers are neither hit nor part of the site's bounds", "[scene]") {
    Scene scene;
    scene.addModel(cube(1), glm::translate(glm::mat4(1), glm::vec3(0, 0, -3)));
    const NodeId controller = scene.addModel(cube(0.1f), glm::translate(glm::mat4(1), glm::vec3(0, 0, -1)),
                                             kNoNode, NodeKind::Visitor, "controller");
    CHECK(scene.node(controller).kind == NodeKind::Visitor);
    const auto hit = scene.hitTest({0, 0, 0}, {0, 0, -1});
    REQUIRE(hit);
    CHECK(hit->distance == Approx(2.5f).margin(1e-4));
    CHECK(scene.bounds().max.z == Approx(-2.5f));
}

TEST_CASE("a dynamic mesh's box follows its triangles, and wrong triangles are refused", "[scene][dynamic]") {
    scene::Scene scene;
    const scene::NodeId group = scene.addNode("cell", scene::kNoNode, glm::translate(glm::mat4(1), glm::vec3(10, 0, 0)));
    const scene::NodeId bead = scene.addDynamicMesh("weld bead", group, glm::mat4(1), scene::Material{});
    CHECK(scene.meshWorldBounds(bead).empty); // nothing laid yet
    const std::uint64_t revision = scene.dynamicRevision();
    std::vector<scene::Vertex> vertices(3);
    vertices[0].position = {0, 0, 0};
    vertices[1].position = {1, 0, 0};
    vertices[2].position = {0, 2, 0};
    scene.setDynamicGeometry(bead, vertices, {0, 1, 2});
    CHECK(scene.dynamicRevision() > revision);
    const scene::Bounds box = scene.meshWorldBounds(bead);
    CHECK(box.min.x == Approx(10));
    CHECK(box.max.y == Approx(2));
    CHECK(scene.bounds().max.x == Approx(11));
    CHECK(scene.hitTest({10.2f, 0.5f, 1}, {0, 0, -1})->node == bead);
    CHECK_THROWS_WITH(scene.setDynamicGeometry(bead, vertices, {0, 1}), Catch::Contains("not whole triangles"));
    CHECK_THROWS_WITH(scene.setDynamicGeometry(group, vertices, {0, 1, 2}), Catch::Contains("has no dynamic mesh"));
}
