// A scene's data on the GPU. Geometry and textures are uploaded once: every primitive's
// vertices and indices in one buffer each, textures with mip chains. What changes from
// frame to frame (where nodes are, which are shown, which are highlighted, which are in
// view) is one small instance array written by the CPU each frame, so moving, hiding or
// showing a node uploads no mesh.
//
// Dynamic meshes (scene::DynamicMesh: a weld bead growing) live in per-slot host-visible
// buffers, rewritten only in the frames after they changed; they cast no shadow.
//
// Each frame, prepareFrame() walks the node tree, culls every placed mesh against the
// eyes' combined frustum, picks for each the simplest level of detail whose error stays
// within a pixel where it is seen, groups the copies of a mesh at one level together (one
// instanced draw per primitive however many copies), and sorts the draws by pipeline
// state and material.
#pragma once

#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"
#include "render/frame_uniforms.h"
#include "render/frame_view.h"
#include "scene/frustum.h"
#include "scene/scene.h"
#include "scene/shadow_fit.h"

#include <array>
#include <cstdint>
#include <vector>

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

struct DrawCommand {
    std::uint32_t material = 0;
    bool textured = false;    // the material samples a base-colour texture
    bool cullBack = false;    // single-sided: faces seen from behind are not drawn
    bool mirrored = false;    // the instances' transforms flip the winding
    bool dynamic = false;     // from the slot's dynamic mesh buffers (drawn after the others)
    std::uint32_t indexCount = 0;
    std::uint32_t firstIndex = 0;
    std::int32_t vertexOffset = 0;
    std::uint32_t firstInstance = 0;
    std::uint32_t instanceCount = 0;
};

struct GpuMaterial {
    MaterialPushConstants constants{};
    VkDescriptorSet textureSet = VK_NULL_HANDLE; // null when untextured
    bool doubleSided = true;
};

// What was uploaded once.
struct GpuSceneStats {
    std::uint64_t uniqueTriangles = 0;
    std::uint64_t vertices = 0;
    std::uint32_t meshes = 0;
    std::uint32_t textures = 0;
    std::uint64_t bytesUploaded = 0;
    std::uint32_t meshUploads = 0; // meshes sent to the GPU since creation
};

// What one frame draws, after culling.
struct FrameDrawStats {
    std::uint64_t triangles = 0;    // per view
    std::uint32_t drawCommands = 0; // per view
    std::uint32_t instances = 0;    // placed meshes drawn
    std::uint32_t culled = 0;       // placed meshes shown but out of view
    std::uint32_t simplified = 0;   // placed meshes drawn at a simpler level of detail
    std::uint64_t shadowTriangles = 0;    // drawn into the sun's shadow map
    std::uint32_t shadowDrawCommands = 0;
    std::uint64_t dynamicBytes = 0;       // dynamic meshes written for this frame (0 when unchanged)
};

class GpuScene {
public:
    static constexpr std::uint32_t kFrameSlots = 2;
    // Added to the lit colour of highlighted nodes (linear).
    static constexpr glm::vec3 kHighlightTint{0.30f, 0.22f, 0.02f};

    // `textureSetLayout` has one combined image sampler (binding 0, fragment stage).
    GpuScene(gpu::GpuContext& context, const scene::Scene& scene, VkDescriptorSetLayout textureSetLayout);

    // Writes frame slot `slot`'s instances and builds its draw lists: the eyes', and with
    // `shadow` (not empty) the sun's casters. The slot's previous frame must be finished
    // on the GPU.
    void prepareFrame(const scene::Scene& scene, const FrameView& view, std::uint32_t slot,
                      const scene::ShadowView* shadow = nullptr);

    VkBuffer vertexBuffer() const { return vertices_.get(); }
    VkBuffer indexBuffer() const { return indices_.get(); }
    // The slot's dynamic meshes (DrawCommand::dynamic).
    VkBuffer dynamicVertexBuffer(std::uint32_t slot) const { return slots_[slot].dynamicVertices.get(); }
    VkBuffer dynamicIndexBuffer(std::uint32_t slot) const { return slots_[slot].dynamicIndices.get(); }
    // The slot's instances (InstanceData), vertex input at instance rate.
    VkBuffer instanceBuffer(std::uint32_t slot) const { return slots_[slot].instances.get(); }
    const std::vector<DrawCommand>& draws() const { return draws_; }
    const std::vector<DrawCommand>& shadowDraws() const { return shadowDraws_; }
    const std::vector<GpuMaterial>& materials() const { return materials_; }
    const GpuSceneStats& stats() const { return stats_; }
    const FrameDrawStats& frameStats() const { return frameStats_; }

private:
    struct PrimitiveRange {
        std::uint32_t material = 0;
        std::uint32_t indexCount = 0;
        std::uint32_t firstIndex = 0;
        std::int32_t vertexOffset = 0;
    };
    struct FrameSlot {
        gpu::GpuBuffer instances;
        std::size_t capacity = 0; // instances
        // Dynamic meshes as of the scene's dynamicRevision `dynamicRevision`: each one's
        // first index and vertex offset in the buffers.
        gpu::GpuBuffer dynamicVertices;
        gpu::GpuBuffer dynamicIndices;
        std::size_t dynamicVertexCapacity = 0, dynamicIndexCapacity = 0;
        std::uint64_t dynamicRevision = ~std::uint64_t(0);
        std::vector<PrimitiveRange> dynamicRanges;
    };

    void createDescriptors(gpu::GpuContext& context, std::size_t textureCount);
    void ensureCapacity(FrameSlot& slot, std::size_t instances);
    // Rewrites the slot's dynamic meshes when the scene's changed since; adds their draws.
    void prepareDynamic(const scene::Scene& scene, FrameSlot& slot);

    gpu::GpuContext& context_;
    gpu::GpuBuffer vertices_;
    gpu::GpuBuffer indices_;
    std::vector<gpu::GpuImage> textures_;
    gpu::OwnedSampler sampler_;
    gpu::OwnedDescriptorPool descriptorPool_;
    std::array<FrameSlot, kFrameSlots> slots_;
    std::vector<GpuMaterial> materials_;
    // A mesh at one level of detail: each primitive's triangles at that level (or its
    // simplest, when it has fewer levels), and the largest error among them.
    struct MeshLevel {
        float error = 0;
        std::vector<PrimitiveRange> primitives;
    };
    static constexpr std::uint32_t kLevelSlots = 17; // full detail + kMaxDetailLevelsPerPrimitive
    // The largest error (in the mesh's own units) a level may make for the eyes: a pixel
    // where the part is seen; 0 for full detail.
    static float allowedError(const scene::Bounds& box, const glm::mat4& world, const FrameView& view);
    static std::uint32_t coarsestWithin(const std::vector<MeshLevel>& levels, float error);
    // Fills the buckets with the shown meshes inside `frustum`, at the eyes' level of
    // detail (`shadowTexel` 0) or the shadow map's (within a texel of that size, or the
    // eyes' level where coarser).
    void collect(const scene::Scene& scene, const scene::Frustum& frustum, const FrameView& view, float shadowTexel);
    // Appends the buckets' instances to the staging array and their draws to `draws`.
    void emit(std::vector<DrawCommand>& draws, std::uint64_t& triangles);

    std::vector<std::uint32_t> firstMeshOfModel_;  // global mesh index of each model's mesh 0
    std::vector<std::vector<MeshLevel>> meshLevels_; // [global mesh][level]
    std::size_t uploadedModels_ = 0;

    // Reused every frame: instances per (global mesh, level, mirrored), the draw list.
    std::vector<std::vector<InstanceData>> buckets_;
    std::vector<std::uint32_t> filledBuckets_;
    std::vector<std::pair<scene::NodeId, bool>> stack_; // node, highlighted from above
    std::vector<DrawCommand> draws_;
    std::vector<DrawCommand> shadowDraws_;
    std::vector<InstanceData> staging_; // the frame's instances, eyes' then shadow's
    // The frame's shown dynamic meshes in view: which one, placed how.
    struct DynamicShown {
        std::uint32_t mesh = 0; // in scene::Scene::dynamicMeshes
        InstanceData instance;
        bool mirrored = false;
    };
    std::vector<DynamicShown> dynamicShown_;
    std::vector<std::uint32_t> dynamicMaterial_; // each dynamic mesh's entry in materials_
    GpuSceneStats stats_;
    FrameDrawStats frameStats_;
};

} // namespace usine::render
