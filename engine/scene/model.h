// A model as the engine keeps it: validated, GPU-ready arrays and the file's node tree.
// Independent of Assimp (which only the importer sees) and of any GPU API, so a model
// can come from an import, a cooked pack or code, and a scene can hold it.
//
// Vocabulary, as glTF defines it:
//  - a Primitive is one indexed triangle list with one material;
//  - a Mesh is a group of primitives placed together (a part of a machine);
//  - a ModelNode is one node of the file's tree, with its name from the CAD tool or
//    Blender, its transform relative to its parent, and the mesh it places (if any). A
//    mesh placed by several nodes is stored once and drawn several times (instancing of
//    repeated parts and machines).
#pragma once

#include "core/image.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace usine::scene {

struct Vertex {
    glm::vec3 position{0};
    glm::vec3 normal{0, 1, 0};
    glm::vec2 uv{0};
    std::uint32_t color = 0xffffffffu; // linear RGBA8, R in the lowest byte
};
static_assert(sizeof(Vertex) == 36, "vertex layout is shared with the shaders");

// A simpler version of a primitive's triangles over the same vertices, for when it is
// far enough that the difference is below a pixel.
struct DetailLevel {
    std::vector<std::uint32_t> indices; // three per triangle, into Primitive::vertices
    float error = 0; // farthest the simplified surface strays from the full one, in the primitive's units
};

struct Primitive {
    std::string name;
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices; // three per triangle: the full detail
    std::uint32_t material = 0;
    std::vector<DetailLevel> detailLevels; // ever simpler, errors growing; may be empty

    std::size_t triangleCount() const { return indices.size() / 3; }
};

struct Mesh {
    std::string name;
    std::vector<std::uint32_t> primitives; // indices into Model::primitives
};

struct ModelNode {
    std::string name;         // as in the source file, so a site can point at a CAD part
    std::int32_t parent = -1; // an earlier node of the same model, or -1 (the model's root)
    glm::mat4 local{1};       // this node's space -> its parent's (or the model root's)
    std::int32_t mesh = -1;   // the mesh this node places, or -1
};

struct Material {
    std::string name;
    glm::vec4 baseColor{1};      // linear, multiplied with the texture and vertex colour
    float metallic = 0;
    float roughness = 1;
    glm::vec3 emissive{0};
    std::int32_t baseColorTexture = -1; // index into Model::textures, or -1
    // Seen from both sides (glTF doubleSided, a sheet of metal); single-sided surfaces
    // are not drawn from behind.
    bool doubleSided = false;
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
    std::vector<ModelNode> nodes; // parents before children
    std::vector<std::string> warnings; // problems that were repaired or skipped

    std::uint64_t uniqueTriangleCount() const;
    std::uint64_t drawnTriangleCount() const; // every placing node counted
    std::uint64_t meshTriangleCount(std::uint32_t mesh) const;
    std::size_t placedMeshCount() const;       // nodes that place a mesh
};

// Each node's transform to the model's root space (nodes' parents come first).
std::vector<glm::mat4> rootTransforms(const Model& model);

// Axis-aligned box.
struct Bounds {
    glm::vec3 min{0};
    glm::vec3 max{0};
    bool empty = true;

    void include(const glm::vec3& point);
    void include(const Bounds& other);
    glm::vec3 center() const { return (min + max) * 0.5f; }
    float radius() const { return glm::length(max - min) * 0.5f; }
};
// The box of each mesh in its own space.
std::vector<Bounds> meshBounds(const Model& model);
// The box around every placed mesh, in the model's root space.
Bounds modelBounds(const Model& model);
// The box around `bounds` after `transform` (its eight corners transformed).
Bounds transformedBounds(const Bounds& bounds, const glm::mat4& transform);

} // namespace usine::scene
