// The node tree: adding models, moving and hiding nodes, cached world transforms, bounds
// and ray hit-tests.
#include "scene/scene.h"

#include "core/error.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>

namespace usine::scene {
namespace {

// Slab test: the ray's entry distance into the box, if it meets it before `maxDistance`.
std::optional<float> rayEntersBox(const glm::vec3& origin, const glm::vec3& direction, const Bounds& box,
                                  float maxDistance) {
    if (box.empty) return std::nullopt;
    float near = 0, far = maxDistance;
    for (int axis = 0; axis < 3; ++axis) {
        if (std::abs(direction[axis]) < 1e-12f) {
            if (origin[axis] < box.min[axis] || origin[axis] > box.max[axis]) return std::nullopt;
            continue;
        }
        float t0 = (box.min[axis] - origin[axis]) / direction[axis];
        float t1 = (box.max[axis] - origin[axis]) / direction[axis];
        if (t0 > t1) std::swap(t0, t1);
        near = std::max(near, t0);
        far = std::min(far, t1);
        if (near > far) return std::nullopt;
    }
    return near;
}

// Möller-Trumbore, both sides: the ray parameter of the hit, if any.
std::optional<float> rayMeetsTriangle(const glm::vec3& origin, const glm::vec3& direction, const glm::vec3& a,
                                      const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 edge1 = b - a, edge2 = c - a;
    const glm::vec3 p = glm::cross(direction, edge2);
    const float determinant = glm::dot(edge1, p);
    if (std::abs(determinant) < 1e-20f) return std::nullopt; // parallel or degenerate
    const float inverse = 1.0f / determinant;
    const glm::vec3 s = origin - a;
    const float u = glm::dot(s, p) * inverse;
    if (u < 0 || u > 1) return std::nullopt;
    const glm::vec3 q = glm::cross(s, edge1);
    const float v = glm::dot(direction, q) * inverse;
    if (v < 0 || u + v > 1) return std::nullopt;
    const float t = glm::dot(edge2, q) * inverse;
    if (t < 0) return std::nullopt;
    return t;
}

} // namespace

NodeId Scene::addNode(std::string name, NodeId parent, const glm::mat4& local, NodeKind kind) {
    if (parent != kNoNode && parent >= nodes_.size())
        throw SystemError(concat("Scene::addNode: parent ", parent, " does not exist"));
    const auto id = static_cast<NodeId>(nodes_.size());
    Node node;
    node.name = std::move(name);
    node.parent = parent;
    node.local = local;
    node.kind = kind;
    nodes_.push_back(std::move(node));
    children_.emplace_back();
    (parent == kNoNode ? roots_ : children_[parent]).push_back(id);
    world_.emplace_back(1.0f);
    worldStale_.push_back(1);
    ++structureRevision_;
    return id;
}

NodeId Scene::addDynamicMesh(std::string name, NodeId parent, const glm::mat4& local, const Material& material) {
    const NodeId id = addNode(std::move(name), parent, local, NodeKind::Part);
    DynamicMesh mesh;
    mesh.material = material;
    mesh.material.baseColorTexture = -1;
    dynamicMeshes_.push_back(std::move(mesh));
    nodes_[id].dynamicMesh = static_cast<std::int32_t>(dynamicMeshes_.size() - 1);
    ++dynamicRevision_;
    return id;
}

void Scene::setDynamicGeometry(NodeId id, std::vector<Vertex> vertices, std::vector<std::uint32_t> indices) {
    const Node& node = nodes_.at(id);
    if (node.dynamicMesh < 0) throw SystemError(concat("Scene::setDynamicGeometry: node '", node.name, "' has no dynamic mesh"));
    if (indices.size() % 3 != 0)
        throw SystemError(concat("Scene::setDynamicGeometry: ", indices.size(), " indices are not whole triangles"));
    for (std::uint32_t index : indices)
        if (index >= vertices.size())
            throw SystemError(concat("Scene::setDynamicGeometry: index ", index, " past ", vertices.size(), " vertices"));
    DynamicMesh& mesh = dynamicMeshes_[static_cast<std::size_t>(node.dynamicMesh)];
    mesh.bounds = {};
    for (const Vertex& vertex : vertices) mesh.bounds.include(vertex.position);
    mesh.vertices = std::move(vertices);
    mesh.indices = std::move(indices);
    ++dynamicRevision_;
}

NodeId Scene::addModel(std::shared_ptr<const Model> model, const glm::mat4& placement, NodeId parent, NodeKind kind,
                       std::string name) {
    if (!model) throw SystemError("Scene::addModel: no model");
    // The same model placed again (a repeated machine) is kept once: its meshes are
    // uploaded once and drawn as instances.
    auto known = std::find(models_.begin(), models_.end(), model);
    const auto modelIndex = static_cast<std::int32_t>(known - models_.begin());
    if (known == models_.end()) {
        meshBounds_.push_back(scene::meshBounds(*model));
        models_.push_back(model);
    }
    // The visitor's own models stay the visitor's from their root down.
    const NodeId group = addNode(name.empty() ? model->sourceName : std::move(name), parent, placement,
                                 kind == NodeKind::Visitor ? NodeKind::Visitor : NodeKind::Group);
    std::vector<NodeId> ids(model->nodes.size());
    for (std::size_t i = 0; i < model->nodes.size(); ++i) {
        const ModelNode& source = model->nodes[i];
        // A model's nodes list parents first (checked on import), so ids[parent] is set.
        const NodeId under = source.parent >= 0 ? ids[static_cast<std::size_t>(source.parent)] : group;
        ids[i] = addNode(source.name, under, source.local, source.mesh >= 0 ? kind : NodeKind::Group);
        if (source.mesh >= 0) {
            nodes_[ids[i]].model = modelIndex;
            nodes_[ids[i]].mesh = source.mesh;
        }
    }
    return group;
}

std::optional<NodeId> Scene::find(std::string_view name, NodeId within) const {
    std::vector<NodeId> stack;
    if (within == kNoNode)
        stack.assign(roots_.rbegin(), roots_.rend());
    else
        stack.push_back(within);
    while (!stack.empty()) {
        const NodeId id = stack.back();
        stack.pop_back();
        if (nodes_.at(id).name == name) return id;
        stack.insert(stack.end(), children_[id].rbegin(), children_[id].rend());
    }
    return std::nullopt;
}

void Scene::markStale(NodeId id) const {
    std::vector<NodeId> stack{id};
    while (!stack.empty()) {
        const NodeId at = stack.back();
        stack.pop_back();
        if (worldStale_[at] && at != id) continue; // its subtree is stale already
        worldStale_[at] = 1;
        stack.insert(stack.end(), children_[at].begin(), children_[at].end());
    }
}

void Scene::setLocal(NodeId id, const glm::mat4& local) {
    nodes_.at(id).local = local;
    markStale(id);
    ++stateRevision_;
}

void Scene::setVisible(NodeId id, bool visible) {
    if (nodes_.at(id).visible == visible) return;
    nodes_[id].visible = visible;
    ++stateRevision_;
}

void Scene::setHighlighted(NodeId id, bool highlighted) {
    if (nodes_.at(id).highlighted == highlighted) return;
    nodes_[id].highlighted = highlighted;
    ++stateRevision_;
}

bool Scene::isBelow(NodeId id, NodeId ancestor) const {
    for (NodeId at = id; at != kNoNode; at = nodes_[at].parent)
        if (at == ancestor) return true;
    return false;
}

void Scene::setParent(NodeId id, NodeId parent) {
    Node& node = nodes_.at(id);
    if (parent != kNoNode && (parent >= nodes_.size() || isBelow(parent, id)))
        throw SystemError(concat("Scene::setParent: node ", parent, " cannot hold node ", id));
    const glm::mat4 keptWorld = world(id);
    std::vector<NodeId>& from = node.parent == kNoNode ? roots_ : children_[node.parent];
    from.erase(std::find(from.begin(), from.end(), id));
    (parent == kNoNode ? roots_ : children_[parent]).push_back(id);
    node.parent = parent;
    node.local = parent == kNoNode ? keptWorld : glm::inverse(world(parent)) * keptWorld;
    markStale(id);
    ++structureRevision_;
    ++stateRevision_;
}

const glm::mat4& Scene::world(NodeId id) const {
    if (id >= nodes_.size()) throw SystemError(concat("Scene::world: node ", id, " does not exist"));
    if (!worldStale_[id]) return world_[id];
    // Up to the first ancestor whose transform is known, then down again.
    std::vector<NodeId> chain;
    for (NodeId at = id; at != kNoNode && worldStale_[at]; at = nodes_[at].parent) chain.push_back(at);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Node& node = nodes_[*it];
        world_[*it] = node.parent == kNoNode ? node.local : world_[node.parent] * node.local;
        worldStale_[*it] = 0;
    }
    return world_[id];
}

bool Scene::shown(NodeId id) const {
    for (NodeId at = id; at != kNoNode; at = nodes_.at(at).parent)
        if (!nodes_[at].visible) return false;
    return true;
}

Bounds Scene::meshWorldBounds(NodeId id) const {
    const Node& node = nodes_.at(id);
    if (node.dynamicMesh >= 0)
        return transformedBounds(dynamicMeshes_[static_cast<std::size_t>(node.dynamicMesh)].bounds, world(id));
    if (node.mesh < 0) return {};
    return transformedBounds(meshBounds(node.model, node.mesh), world(id));
}

Bounds Scene::subtreeBounds(NodeId id) const {
    Bounds bounds;
    std::vector<NodeId> stack{id};
    while (!stack.empty()) {
        const NodeId at = stack.back();
        stack.pop_back();
        if (!nodes_.at(at).visible) continue;
        bounds.include(meshWorldBounds(at));
        stack.insert(stack.end(), children_[at].begin(), children_[at].end());
    }
    return bounds;
}

Bounds Scene::bounds() const {
    Bounds bounds;
    for (NodeId root : roots_)
        if (nodes_[root].kind != NodeKind::Visitor) bounds.include(subtreeBounds(root));
    return bounds;
}

std::optional<RayHit> Scene::hitTest(const glm::vec3& origin, const glm::vec3& direction, float maxDistance,
                                     NodeId within) const {
    const float length = glm::length(direction);
    if (!(length > 0) || !std::isfinite(length)) return std::nullopt;
    const glm::vec3 unit = direction / length;
    std::optional<RayHit> best;
    std::vector<NodeId> stack;
    if (within == kNoNode)
        stack.assign(roots_.begin(), roots_.end());
    else if (shown(within))
        stack.push_back(within);
    while (!stack.empty()) {
        const NodeId id = stack.back();
        stack.pop_back();
        const Node& node = nodes_[id];
        if (!node.visible || node.kind == NodeKind::Visitor) continue;
        stack.insert(stack.end(), children_[id].begin(), children_[id].end());
        if (node.mesh < 0 && node.dynamicMesh < 0) continue;
        const float limit = best ? best->distance : maxDistance;
        if (!rayEntersBox(origin, unit, meshWorldBounds(id), limit)) continue;

        // Triangles in the mesh's own space; distances measured back in the world.
        const glm::mat4& toWorld = world(id);
        const glm::mat4 toMesh = glm::inverse(toWorld);
        const glm::vec3 localOrigin(toMesh * glm::vec4(origin, 1));
        const glm::vec3 localDirection(toMesh * glm::vec4(unit, 0));
        auto hitTriangles = [&](const std::vector<Vertex>& vertices, const std::vector<std::uint32_t>& indices) {
            for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
                const auto t = rayMeetsTriangle(localOrigin, localDirection, vertices[indices[i]].position,
                                                vertices[indices[i + 1]].position, vertices[indices[i + 2]].position);
                if (!t) continue;
                const glm::vec3 point(toWorld * glm::vec4(localOrigin + localDirection * *t, 1));
                const float distance = glm::length(point - origin);
                if (distance <= (best ? best->distance : maxDistance)) best = RayHit{id, distance, point};
            }
        };
        if (node.dynamicMesh >= 0) {
            const DynamicMesh& mesh = dynamicMeshes_[static_cast<std::size_t>(node.dynamicMesh)];
            hitTriangles(mesh.vertices, mesh.indices);
            continue;
        }
        const Model& model = *models_[static_cast<std::size_t>(node.model)];
        for (std::uint32_t p : model.meshes[static_cast<std::size_t>(node.mesh)].primitives)
            hitTriangles(model.primitives[p].vertices, model.primitives[p].indices);
    }
    return best;
}

Scene sceneOfModel(std::shared_ptr<const Model> model) {
    Scene scene;
    scene.addModel(std::move(model));
    return scene;
}

} // namespace usine::scene
