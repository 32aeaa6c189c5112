// An imported model, as the engine keeps it: validated, GPU-ready arrays and a flat
// list of placed mesh instances. Independent of Assimp (which only the importer sees),
// so a model can also come from a cooked pack or be built by code.
//
// Vocabulary, as glTF defines it:
//  - a Primitive is one indexed triangle list with one material;
//  - a Mesh is a group of primitives placed together (a part of a machine);
//  - a MeshInstance places a mesh in the world; a mesh used by several nodes is stored
//    once and drawn several times (instancing of repeated parts and machines).
#pragma once

#include "core/image.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace usine::asset {

struct Vertex {
    glm::vec3 position{0};
    glm::vec3 normal{0, 1, 0};
    glm::vec2 uv{0};
    std::uint32_t color = 0xffffffffu; // linear RGBA8, R in the lowest byte
};
static_assert(sizeof(Vertex) == 36, "vertex layout is shared with the shaders");

struct Primitive {
    std::string name;
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices; // three per triangle
    std::uint32_t material = 0;

    std::size_t triangleCount() const { return indices.size() / 3; }
};

struct Mesh {
    std::string name;
    std::vector<std::uint32_t> primitives; // indices into Model::primitives
};

struct MeshInstance {
    std::uint32_t mesh = 0;
    glm::mat4 transform{1}; // model space of the mesh -> model's root space
    std::string node;       // the node that placed it, for messages
};

struct Material {
    std::string name;
    glm::vec4 baseColor{1};      // linear, multiplied with the texture and vertex colour
    float metallic = 0;
    float roughness = 1;
    glm::vec3 emissive{0};
    std::int32_t baseColorTexture = -1; // index into Model::textures, or -1
};

struct Texture {
    std::string source; // file name or "embedded #N", for messages
    Rgba8Image pixels;  // sRGB-encoded colour
};

struct Model {
    std::string sourceName; // the file it came from
    std::vector<Primitive> primitives;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Texture> textures;
    std::vector<MeshInstance> instances;
    std::vector<std::string> warnings; // problems that were repaired or skipped

    std::uint64_t uniqueTriangleCount() const;
    std::uint64_t drawnTriangleCount() const; // every instance counted
    std::uint64_t meshTriangleCount(std::uint32_t mesh) const;
};

// Axis-aligned box around every instance, in the model's root space.
struct Bounds {
    glm::vec3 min{0};
    glm::vec3 max{0};
    bool empty = true;

    void include(const glm::vec3& point);
    void include(const Bounds& other);
    glm::vec3 center() const { return (min + max) * 0.5f; }
    float radius() const { return glm::length(max - min) * 0.5f; }
};
Bounds modelBounds(const Model& model);
// The box around `bounds` after `transform` (its eight corners transformed).
Bounds transformedBounds(const Bounds& bounds, const glm::mat4& transform);

} // namespace usine::asset
