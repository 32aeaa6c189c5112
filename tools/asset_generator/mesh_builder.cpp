// Shape building with outward normals and counter-clockwise front faces.
#include "mesh_builder.h"

#include <cmath>

namespace usine::tools {

void MeshBuilder::quad(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d,
                       const glm::vec3& normal, const glm::vec4& color) {
    const auto base = static_cast<std::uint32_t>(vertices_.size());
    for (const glm::vec3& p : {a, b, c, d}) vertices_.push_back({p, normal, color});
    indices_.insert(indices_.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
}

void MeshBuilder::box(const glm::vec3& lo, const glm::vec3& hi, const glm::vec4& color) {
    const glm::vec3 p[8] = {{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, hi.y, lo.z}, {lo.x, hi.y, lo.z},
                            {lo.x, lo.y, hi.z}, {hi.x, lo.y, hi.z}, {hi.x, hi.y, hi.z}, {lo.x, hi.y, hi.z}};
    quad(p[4], p[5], p[6], p[7], {0, 0, 1}, color);  // front (+Z)
    quad(p[1], p[0], p[3], p[2], {0, 0, -1}, color); // back
    quad(p[5], p[1], p[2], p[6], {1, 0, 0}, color);  // right
    quad(p[0], p[4], p[7], p[3], {-1, 0, 0}, color); // left
    quad(p[7], p[6], p[2], p[3], {0, 1, 0}, color);  // top
    quad(p[0], p[1], p[5], p[4], {0, -1, 0}, color); // bottom
}

void MeshBuilder::cylinderAlong(const glm::vec3& base, const glm::vec3& axis, const glm::vec3& side, float radius,
                                float length, int segments, const glm::vec4& color) {
    const glm::vec3 other = glm::cross(axis, side);
    const glm::vec3 top = base + axis * length;
    auto ring = [&](int i) {
        const float angle = 6.28318530718f * float(i) / float(segments);
        return side * std::cos(angle) + other * std::sin(angle);
    };
    // Side: one quad per segment, smooth normals.
    for (int i = 0; i < segments; ++i) {
        const glm::vec3 r0 = ring(i), r1 = ring(i + 1);
        const auto first = static_cast<std::uint32_t>(vertices_.size());
        vertices_.push_back({base + r0 * radius, r0, color});
        vertices_.push_back({base + r1 * radius, r1, color});
        vertices_.push_back({top + r1 * radius, r1, color});
        vertices_.push_back({top + r0 * radius, r0, color});
        indices_.insert(indices_.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
    }
    // Caps: triangle fans around a centre vertex.
    for (int cap = 0; cap < 2; ++cap) {
        const glm::vec3 centre = cap ? top : base;
        const glm::vec3 normal = cap ? axis : -axis;
        const auto middle = static_cast<std::uint32_t>(vertices_.size());
        vertices_.push_back({centre, normal, color});
        for (int i = 0; i <= segments; ++i) vertices_.push_back({centre + ring(i) * radius, normal, color});
        for (int i = 0; i < segments; ++i) {
            const std::uint32_t a = middle + 1 + std::uint32_t(i), b = a + 1;
            if (cap)
                indices_.insert(indices_.end(), {middle, a, b});
            else
                indices_.insert(indices_.end(), {middle, b, a});
        }
    }
}

void MeshBuilder::cylinder(const glm::vec3& base, float radius, float height, int segments, const glm::vec4& color) {
    cylinderAlong(base, {0, 1, 0}, {0, 0, 1}, radius, height, segments, color);
}

void MeshBuilder::cylinderX(const glm::vec3& base, float radius, float length, int segments, const glm::vec4& color) {
    cylinderAlong(base, {1, 0, 0}, {0, 1, 0}, radius, length, segments, color);
}

void MeshBuilder::cylinderZ(const glm::vec3& base, float radius, float length, int segments, const glm::vec4& color) {
    cylinderAlong(base, {0, 0, 1}, {1, 0, 0}, radius, length, segments, color);
}

void MeshBuilder::sphere(const glm::vec3& centre, const glm::vec3& radii, int segments, int rings,
                         const glm::vec4& color) {
    const auto first = static_cast<std::uint32_t>(vertices_.size());
    for (int ring = 0; ring <= rings; ++ring) {
        const float polar = 3.14159265359f * float(ring) / float(rings);
        for (int i = 0; i <= segments; ++i) {
            const float around = 6.28318530718f * float(i) / float(segments);
            const glm::vec3 unit{std::sin(polar) * std::cos(around), std::cos(polar), std::sin(polar) * std::sin(around)};
            // An ellipsoid's normal is the unit direction divided by the radii, normalised.
            vertices_.push_back({centre + unit * radii, glm::normalize(unit / radii), color});
        }
    }
    const auto row = static_cast<std::uint32_t>(segments + 1);
    for (int ring = 0; ring < rings; ++ring)
        for (int i = 0; i < segments; ++i) {
            const std::uint32_t a = first + std::uint32_t(ring) * row + std::uint32_t(i), b = a + row;
            // Counter-clockwise seen from outside; no slivers at the poles.
            if (ring > 0) indices_.insert(indices_.end(), {a, a + 1, b});
            if (ring < rings - 1) indices_.insert(indices_.end(), {a + 1, b + 1, b});
        }
}

void MeshBuilder::floorQuad(float x0, float z0, float x1, float z1, float y, const glm::vec4& color) {
    quad({x0, y, z1}, {x1, y, z1}, {x1, y, z0}, {x0, y, z0}, {0, 1, 0}, color);
}

} // namespace usine::tools
