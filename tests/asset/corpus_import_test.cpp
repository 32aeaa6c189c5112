// Importing the shared corpus of real third-party models (../shared/corpus): counts
// against what the files themselves define, textures of every kind, and a clear error
// for each broken file.
#include "asset/model_import.h"
#include "core/error.h"
#include "scene/scene.h"
#include "support/test_paths.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <set>

using namespace usine;
using namespace usine::asset;
using namespace usine::scene;
using testing::corpusModel;

TEST_CASE("2CylinderEngine: the counts its glTF file defines", "[corpus]") {
    const Model model = importModel(corpusModel("glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb"));
    CHECK(model.meshes.size() == 29);
    CHECK(model.primitives.size() == 34);
    CHECK(model.uniqueTriangleCount() == 75730);
    CHECK(model.placedMeshCount() == 67);
    CHECK(model.nodes.size() == 83); // the file's 82 and the root Assimp adds
    CHECK(model.drawnTriangleCount() == 121496);
    CHECK(model.materials.size() == 34); // the unused default material Assimp adds is dropped
    CHECK(model.textures.empty());
    // Meshes used by several nodes are stored once (instancing).
    std::vector<int> uses(model.meshes.size());
    for (const ModelNode& node : model.nodes)
        if (node.mesh >= 0) ++uses[static_cast<std::size_t>(node.mesh)];
    CHECK(*std::max_element(uses.begin(), uses.end()) > 1);
    CHECK(model.warnings.empty());
    // glTF says which materials are seen from one side only: all of this engine's.
    for (const Material& material : model.materials) CHECK_FALSE(material.doubleSided);
}

TEST_CASE("the parts keep the names their author gave them", "[corpus]") {
    // The spider's OBJ groups (Bein1Li, Kopf...): a site points at a part by such a name.
    const auto spider = std::make_shared<Model>(importModel(corpusModel("OBJ/spider.obj")));
    const Scene scene = sceneOfModel(spider);
    for (const char* part : {"HLeib01", "Bein1Li", "Bein4Re", "Kopf", "Auge"}) {
        INFO(part);
        const auto node = scene.find(part);
        REQUIRE(node);
        // The named node places the part's mesh, or holds it just below.
        const bool placesMesh = scene.node(*node).mesh >= 0 ||
                                std::any_of(scene.children(*node).begin(), scene.children(*node).end(),
                                            [&](NodeId child) { return scene.node(child).mesh >= 0; });
        CHECK(placesMesh);
    }
    // OBJ states no sidedness: both sides are drawn rather than risk holes.
    for (const Material& material : spider->materials) CHECK(material.doubleSided);
}

TEST_CASE("BoxTextured as .gltf and as .glb give identical data", "[corpus]") {
    const Model text = importModel(corpusModel("glTF2/BoxTextured-glTF/BoxTextured.gltf"));
    const Model binary = importModel(corpusModel("glTF2/BoxTextured-glTF-Binary/BoxTextured.glb"));
    REQUIRE(text.primitives.size() == 1);
    REQUIRE(binary.primitives.size() == 1);
    CHECK(text.primitives[0].indices == binary.primitives[0].indices);
    REQUIRE(text.primitives[0].vertices.size() == binary.primitives[0].vertices.size());
    CHECK(std::memcmp(text.primitives[0].vertices.data(), binary.primitives[0].vertices.data(),
                      text.primitives[0].vertices.size() * sizeof(Vertex)) == 0);
    CHECK(text.uniqueTriangleCount() == 12);
    REQUIRE(text.textures.size() == 1);
    REQUIRE(binary.textures.size() == 1);
    CHECK(text.textures[0].pixels.width == binary.textures[0].pixels.width);
    CHECK(text.textures[0].pixels.pixels == binary.textures[0].pixels.pixels);
    REQUIRE(text.materials.size() == 1);
    CHECK(text.materials[0].baseColor == binary.materials[0].baseColor);
    CHECK(text.materials[0].baseColorTexture == 0);
    CHECK(binary.materials[0].baseColorTexture == 0);
    REQUIRE(text.nodes.size() == binary.nodes.size());
    CHECK(text.nodes.back().local == binary.nodes.back().local);
}

TEST_CASE("the COLLADA duck imports with its TGA texture", "[corpus]") {
    const Model duck = importModel(corpusModel("Collada/duck.dae"));
    REQUIRE(duck.textures.size() == 1);
    CHECK(duck.textures[0].source == "duckCM.tga");
    CHECK(duck.textures[0].pixels.width > 0);
    REQUIRE(duck.materials.size() == 1);
    CHECK(duck.materials[0].baseColorTexture == 0);
    // The file's polylist: 2144 polygons (84 triangles, 2052 quads, 8 pentagons) = 4212 triangles.
    CHECK(duck.uniqueTriangleCount() == 4212);
    CHECK(duck.meshes.size() == 1);
}

TEST_CASE("the OBJ spider imports with its JPEG textures from the MTL file", "[corpus]") {
    // spider.obj: 19 groups, 1368 triangular faces.
    const Model spider = importModel(corpusModel("OBJ/spider.obj"));
    std::set<std::string> textures;
    for (const Texture& texture : spider.textures) textures.insert(texture.source);
    // spider.mtl names five; its material Brusttex (wal69ar_small.jpg) is used by no face,
    // so that texture is not loaded.
    CHECK(textures == std::set<std::string>{"SpiderTex.jpg", "drkwood2.jpg", "engineflare1.jpg", "wal67ar_small.jpg"});
    CHECK(spider.materials.size() == 4);
    CHECK(spider.meshes.size() == 19);
    CHECK(spider.uniqueTriangleCount() == 1368);
    for (const Material& material : spider.materials) CHECK(material.baseColorTexture >= 0);
}

TEST_CASE("FBX files import; textures missing beside them become warnings naming them", "[corpus]") {
    const Model box = importModel(corpusModel("FBX/box.fbx"));
    CHECK(box.uniqueTriangleCount() == 12);
    const Model spider = importModel(corpusModel("FBX/spider.fbx"));
    CHECK(spider.uniqueTriangleCount() == 1368);
    CHECK(spider.textures.empty()); // its textures sit in OBJ/, not beside the FBX
    REQUIRE_FALSE(spider.warnings.empty());
    CHECK_THAT(spider.warnings[0], Catch::Contains("drawn without its texture") && Catch::Contains(".jpg"));
}

TEST_CASE("the OBJ box with quads is triangulated", "[corpus]") {
    const Model box = importModel(corpusModel("OBJ/box.obj"));
    CHECK(box.uniqueTriangleCount() == 12);
}

namespace {
std::string importError(const std::string& file) {
    try {
        importModel(corpusModel(file));
    } catch (const UserError& error) {
        return error.what();
    }
    return "(imported without error)";
}
} // namespace

TEST_CASE("each broken corpus model gives its clear error, naming the file", "[corpus]") {
    CHECK_THAT(importError("glTF2/MissingBin/BoxTextured.gltf"),
               Catch::Contains("MissingBin/BoxTextured.gltf: cannot read the model") &&
                   Catch::Contains("BoxTextured0.bin"));
    CHECK_THAT(importError("glTF2/IndexOutOfRange/IndexOutOfRange.gltf"),
               Catch::Contains("IndexOutOfRange.gltf: some triangles use vertex indices past the end"));
    CHECK_THAT(importError("invalid/empty.obj"), Catch::EndsWith("invalid/empty.obj: the file is empty (0 bytes)"));
    CHECK_THAT(importError("invalid/malformed.obj"),
               Catch::Contains("invalid/malformed.obj: cannot read the model") && Catch::Contains("face index"));
}
