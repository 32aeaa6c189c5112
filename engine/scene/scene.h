// What is shown: a tree of nodes (a site's models and their parts, people, the visitor's
// controllers), the models whose meshes they place, and the light.
//
// Nodes keep the names of the source file, so a site points at a CAD part by name. Any
// node can move, appear or disappear at any frame: that changes a transform or a flag
// here, never the models, so the renderer uploads no mesh for it. Moving a node moves
// everything below it: a robot arm is a chain of joint nodes, each child of the one
// before, and turning a joint carries the rest of the arm with it.
//
// API-free: no GPU or import library here. Not thread-safe (world transforms are cached
// on demand): the frame thread owns a Scene.
#pragma once

#include "scene/lighting.h"
#include "scene/model.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usine::scene {

using NodeId = std::uint32_t;
constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class NodeKind : std::uint8_t {
    Group,   // gathers other nodes: a placed model's root, an assembly
    Part,    // a piece of a model: a machine's guard, a pallet
    Joint,   // a joint of an articulated chain: what hangs below turns with it
    Person,  // a worker
    Visitor, // the visitor's own controllers and pointer: not part of the site
};

// A mesh whose triangles change while the visit runs (a weld bead growing, a ply being
// laid): kept in the scene, and sent to the GPU again only after it changed.
struct DynamicMesh {
    Material material; // colour and surface; no texture
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;
    Bounds bounds; // in the mesh's own space
};

struct Node {
    std::string name;
    NodeId parent = kNoNode;
    glm::mat4 local{1};         // node -> parent (or world for a root)
    std::int32_t model = -1;    // with `mesh`: the mesh this node places, or -1
    std::int32_t mesh = -1;
    std::int32_t dynamicMesh = -1; // or the dynamic mesh it places (Scene::dynamicMeshes)
    NodeKind kind = NodeKind::Group;
    bool visible = true;        // hidden: neither drawn nor hit, nor anything below it
    bool highlighted = false;   // drawn with the highlight tint, and all below it (a part to look at)
};

struct RayHit {
    NodeId node = kNoNode;    // the node whose mesh the ray met first
    float distance = 0;       // along the unit direction
    glm::vec3 point{0};
};

class Scene {
public:
    Lighting lighting;

    // Places `model` under `parent` (or at the world's root): a Group node named `name`
    // (the model's file name when empty) with the model's own nodes below it, kinds
    // `kind` for those that place a mesh. Returns the group. Placing the same model
    // again shares its meshes (instancing).
    NodeId addModel(std::shared_ptr<const Model> model, const glm::mat4& placement = glm::mat4(1),
                    NodeId parent = kNoNode, NodeKind kind = NodeKind::Part, std::string name = {});
    NodeId addNode(std::string name, NodeId parent, const glm::mat4& local, NodeKind kind = NodeKind::Group);
    // A Part node placing a dynamic mesh, empty until setDynamicGeometry.
    NodeId addDynamicMesh(std::string name, NodeId parent, const glm::mat4& local, const Material& material);
    // Replaces the triangles of a node's dynamic mesh. Throws SystemError when the node
    // has none or an index is out of range.
    void setDynamicGeometry(NodeId id, std::vector<Vertex> vertices, std::vector<std::uint32_t> indices);
    const std::vector<DynamicMesh>& dynamicMeshes() const { return dynamicMeshes_; }

    std::size_t nodeCount() const { return nodes_.size(); }
    const Node& node(NodeId id) const { return nodes_.at(id); }
    const std::vector<NodeId>& children(NodeId id) const { return children_.at(id); }
    const std::vector<NodeId>& roots() const { return roots_; }
    const std::vector<std::shared_ptr<const Model>>& models() const { return models_; }
    // Each model's mesh boxes, in mesh space ([model][mesh]).
    const Bounds& meshBounds(std::int32_t model, std::int32_t mesh) const {
        return meshBounds_.at(static_cast<std::size_t>(model)).at(static_cast<std::size_t>(mesh));
    }

    // The first node called `name` below `within` (anywhere when kNoNode), depth first in
    // the order nodes were added.
    std::optional<NodeId> find(std::string_view name, NodeId within = kNoNode) const;

    void setLocal(NodeId id, const glm::mat4& local);
    void setVisible(NodeId id, bool visible);
    void setHighlighted(NodeId id, bool highlighted);
    // Moves a node under another one (a part picked up by a hand), keeping where it is
    // in the world. The new parent must not be the node or below it.
    void setParent(NodeId id, NodeId parent);

    const glm::mat4& world(NodeId id) const;
    // Visible, and so are all its ancestors.
    bool shown(NodeId id) const;
    // The box of a node's own mesh in the world (empty without one).
    Bounds meshWorldBounds(NodeId id) const;
    // The box around every shown mesh at or below `id`.
    Bounds subtreeBounds(NodeId id) const;
    // The box of the site: every shown mesh except the visitor's own.
    Bounds bounds() const;

    // The nearest shown mesh the ray meets (triangles, either side), ignoring the
    // visitor's own nodes; only below `within` when given.
    std::optional<RayHit> hitTest(const glm::vec3& origin, const glm::vec3& direction,
                                  float maxDistance = std::numeric_limits<float>::infinity(),
                                  NodeId within = kNoNode) const;

    // Counters the renderer reads: `structure` changes when nodes or models are added or
    // re-parented, `state` when a transform, visibility or highlight changes.
    std::uint64_t structureRevision() const { return structureRevision_; }
    std::uint64_t stateRevision() const { return stateRevision_; }
    // Changes when a dynamic mesh is added or its triangles change.
    std::uint64_t dynamicRevision() const { return dynamicRevision_; }

private:
    void markStale(NodeId id) const;
    bool isBelow(NodeId id, NodeId ancestor) const;

    std::vector<Node> nodes_;
    std::vector<std::vector<NodeId>> children_;
    std::vector<NodeId> roots_;
    std::vector<std::shared_ptr<const Model>> models_;
    std::vector<std::vector<Bounds>> meshBounds_;
    std::vector<DynamicMesh> dynamicMeshes_;
    mutable std::vector<glm::mat4> world_;
    mutable std::vector<char> worldStale_;
    std::uint64_t structureRevision_ = 0;
    std::uint64_t stateRevision_ = 0;
    std::uint64_t dynamicRevision_ = 0;
};

// A scene showing one model at the origin.
Scene sceneOfModel(std::shared_ptr<const Model> model);

} // namespace usine::scene
