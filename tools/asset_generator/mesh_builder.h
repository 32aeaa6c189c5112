// Builds simple shapes (boxes, cylinders, spheres) into an indexed triangle list with per-vertex
// colours: the vocabulary of the generated factory cell.
#pragma once

#include <cstdint>
#include <glm/glm.hpp>
#include <vector>

namespace usine::tools {

struct BuiltVertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec4 color; // linear
};

class MeshBuilder {
public:
    // Box between two corners; `color` for every face.
    void box(const glm::vec3& min, const glm::vec3& max, const glm::vec4& color);
    // Cylinder along +Y from `base`, closed at both ends.
    void cylinder(const glm::vec3& base, float radius, float height, int segments, const glm::vec4& color);
    // Cylinder along +X from `base` (conveyor rollers).
    void cylinderX(const glm::vec3& base, float radius, float length, int segments, const glm::vec4& color);
    // Cylinder along +Z from `base`.
    void cylinderZ(const glm::vec3& base, float radius, float length, int segments, const glm::vec4& color);
    // Sphere (or, scaled, an ellipsoid) around `centre`: `segments` around, `rings` from
    // pole to pole, smooth normals.
    void sphere(const glm::vec3& centre, const glm::vec3& radii, int segments, int rings, const glm::vec4& color);
    // Flat rectangle facing +Y at height y.
    void floorQuad(float x0, float z0, float x1, float z1, float y, const glm::vec4& color);

    const std::vector<BuiltVertex>& vertices() const { return vertices_; }
    const std::vector<std::uint32_t>& indices() const { return indices_; }

private:
    void quad(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d, const glm::vec3& normal,
              const glm::vec4& color);
    void cylinderAlong(const glm::vec3& base, const glm::vec3& axis, const glm::vec3& side, float radius, float length,
                       int segments, const glm::vec4& color);

    std::vector<BuiltVertex> vertices_;
    std::vector<std::uint32_t> indices_;
};

} // namespace usine::tools
