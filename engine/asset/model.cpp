// Model counts and bounds.
#include "asset/model.h"

namespace usine::asset {

std::uint64_t Model::meshTriangleCount(std::uint32_t mesh) const {
    std::uint64_t triangles = 0;
    for (std::uint32_t primitive : meshes[mesh].primitives) triangles += primitives[primitive].triangleCount();
    return triangles;
}

std::uint64_t Model::uniqueTriangleCount() const {
    std::uint64_t triangles = 0;
    for (const Primitive& primitive : primitives) triangles += primitive.triangleCount();
    return triangles;
}

std::uint64_t Model::drawnTriangleCount() const {
    std::uint64_t triangles = 0;
    for (const MeshInstance& instance : instances) triangles += meshTriangleCount(instance.mesh);
    return triangles;
}

void Bounds::include(const glm::vec3& point) {
    if (empty) {
        min = max = point;
        empty = false;
    } else {
        min = glm::min(min, point);
        max = glm::max(max, point);
    }
}

Bounds transformedBounds(const Bounds& local, const glm::mat4& transform) {
    Bounds bounds;
    if (local.empty) return bounds;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? local.max.x : local.min.x, (corner & 2) ? local.max.y : local.min.y,
                          (corner & 4) ? local.max.z : local.min.z);
        bounds.include(glm::vec3(transform * glm::vec4(p, 1)));
    }
    return bounds;
}

void Bounds::include(const Bounds& other) {
    if (other.empty) return;
    include(other.min);
    include(other.max);
}

Bounds modelBounds(const Model& model) {
    // Per primitive local box first: transforming 8 corners per instance is much cheaper
    // than transforming every vertex of every instance.
    std::vector<Bounds> primitiveBounds(model.primitives.size());
    for (std::size_t i = 0; i < model.primitives.size(); ++i)
        for (const Vertex& vertex : model.primitives[i].vertices) primitiveBounds[i].include(vertex.position);

    Bounds bounds;
    for (const MeshInstance& instance : model.instances)
        for (std::uint32_t primitive : model.meshes[instance.mesh].primitives)
            bounds.include(transformedBounds(primitiveBounds[primitive], instance.transform));
    return bounds;
}

} // namespace usine::asset
