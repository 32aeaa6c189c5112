// Encoded models survive the trip between processes; truncated or corrupt bytes are
// errors, never out-of-bounds reads.
#include "asset/model_codec.h"
#include "asset/model_limits.h"
#include "core/error.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <cstring>

using namespace usine;
using namespace usine::asset;
using namespace usine::scene;

namespace {
Model richModel() {
    Model model = testing::cubeModel({1, 2, 3}, 0.5f, 0xff00ff00u);
    model.textures.push_back({"logo.png", Rgba8Image(2, 2)});
    model.textures[0].pixels.pixels[5] = 77;
    model.materials[0].baseColorTexture = 0;
    model.materials[0].emissive = {0.1f, 0.2f, 0.3f};
    model.warnings.assign(1, std::string("something repaired"));
    glm::mat4 moved(1);
    moved[3] = glm::vec4(4, 5, 6, 1);
    model.nodes.push_back({"second", 0, moved, 0});
    model.materials[0].doubleSided = true;
    return model;
}
} // namespace

TEST_CASE("a model decodes to exactly what was encoded", "[codec]") {
    const Model original = richModel();
    const Model copy = decodeModel(encodeModel(original), "test");
    CHECK(copy.sourceName == original.sourceName);
    REQUIRE(copy.primitives.size() == 1);
    CHECK(copy.primitives[0].indices == original.primitives[0].indices);
    REQUIRE(copy.primitives[0].vertices.size() == original.primitives[0].vertices.size());
    CHECK(copy.primitives[0].vertices[3].position == original.primitives[0].vertices[3].position);
    CHECK(copy.primitives[0].vertices[3].color == 0xff00ff00u);
    CHECK(copy.materials[0].emissive == original.materials[0].emissive);
    CHECK(copy.materials[0].baseColorTexture == 0);
    CHECK(copy.textures[0].pixels.pixels == original.textures[0].pixels.pixels);
    CHECK(copy.materials[0].doubleSided);
    REQUIRE(copy.nodes.size() == 2);
    CHECK(copy.nodes[1].local == original.nodes[1].local);
    CHECK(copy.nodes[1].name == "second");
    CHECK(copy.nodes[1].parent == 0);
    CHECK(copy.nodes[1].mesh == 0);
    CHECK(copy.warnings == original.warnings);
}

TEST_CASE("every truncation of an encoded model is refused", "[codec]") {
    const std::vector<std::uint8_t> bytes = encodeModel(richModel());
    for (std::size_t length = 0; length < bytes.size(); length += 7) {
        const std::span<const std::uint8_t> part(bytes.data(), length);
        CHECK_THROWS_AS(decodeModel(part, "cut"), UserError);
    }
}

TEST_CASE("a corrupt length cannot make the decoder reserve memory it has no bytes for", "[codec]") {
    std::vector<std::uint8_t> bytes = encodeModel(richModel());
    // Overwrite the first array length after the header (the primitive count) with 2^60.
    const std::size_t header = 8 + 4 + 8 + std::string("test cube").size();
    const std::uint64_t huge = 1ull << 60;
    std::memcpy(bytes.data() + header, &huge, sizeof huge);
    CHECK_THROWS_WITH(decodeModel(bytes, "corrupt.pack"), "corrupt.pack: model data is truncated or corrupt");
}

TEST_CASE("counts beyond the model limits are refused before anything is built", "[codec]") {
    Model many = testing::cubeModel({0, 0, 0}, 1);
    many.nodes.assign(kMaxNodes + 1, many.nodes[0]);
    CHECK_THROWS_WITH(decodeModel(encodeModel(many), "many.pack"), "many.pack: model data is truncated or corrupt");
}
