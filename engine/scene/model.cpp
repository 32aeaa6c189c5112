// Model counts, node transforms and bounds.
#include "scene/model.h"

namespace usine::scene {

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
    for (const ModelNode& node : nodes)
        if (node.mesh >= 0) triangles += meshTriangleCount(static_cast<std::uint32_t>(node.mesh));
    return triangles;
}

std::size_t Model::placedMeshCount() const {
    std::size_t count = 0;
    for (const ModelNode& node : nodes) count += node.mesh >= 0;
    return count;
}

std::vector<glm::mat4> rootTransforms(const Model& model) {
    std::vector<glm::mat4> transforms(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const ModelNode& node = model.nodes[i];
        transforms[i] = node.parent >= 0 ? transforms[static_cast<std::size_t>(node.parent)] * node.local : node.local;
    }
    return transforms;
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

std::vector<Bounds> meshBounds(const Model& model) {
    std::vector<Bounds> bounds(model.meshes.size());
    for (std::size_t m = 0; m < model.meshes.size(); ++m)
        for (std::uint32_t primitive : model.meshes[m].primitives)
            for (const Vertex& vertex : model.primitives[primitive].vertices) bounds[m].include(vertex.position);
    return bounds;
}

Bounds modelBounds(const Model& model) {
    // Per mesh local box first: transforming 8 corners per node is much cheaper than
    // transforming every vertex of every placed copy.
    const std::vector<Bounds> local = meshBounds(model);
    const std::vector<glm::mat4> transforms = rootTransforms(model);
    Bounds bounds;
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        if (model.nodes[i].mesh >= 0)
            bounds.include(transformedBounds(local[static_cast<std::size_t>(model.nodes[i].mesh)], transforms[i]));
    return bounds;
}

} // namespace usine::scene
