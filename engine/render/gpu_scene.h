// A scene's data on the GPU: all vertices and indices in one buffer each, one
// instance-transform array, textures with mip chains, and the draw list. Draws are
// instanced (a mesh placed N times is one draw per primitive) and sorted by material,
// so a plant's repeated machines cost one draw each, not one per copy.
#pragma once

#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"
#include "render/frame_uniforms.h"
#include "scene/scene.h"

#include <cstdint>
#include <vector>

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

struct DrawCommand {
    std::uint32_t material = 0;
    std::uint32_t indexCount = 0;
    std::uint32_t firstIndex = 0;
    std::int32_t vertexOffset = 0;
    std::uint32_t firstInstance = 0;
    std::uint32_t instanceCount = 0;
};

struct GpuMaterial {
    MaterialPushConstants constants{};
    VkDescriptorSet textureSet = VK_NULL_HANDLE;
};

struct GpuSceneStats {
    std::uint64_t trianglesDrawn = 0; // per frame, per eye
    std::uint64_t uniqueTriangles = 0;
    std::uint64_t vertices = 0;
    std::uint32_t drawCalls = 0;
    std::uint32_t instances = 0;
    std::uint32_t textures = 0;
    std::uint64_t bytesUploaded = 0;
};

class GpuScene {
public:
    // `instanceSetLayout` has one storage buffer (binding 0, vertex stage);
    // `textureSetLayout` one combined image sampler (binding 0, fragment stage).
    GpuScene(gpu::GpuContext& context, const scene::Scene& scene, VkDescriptorSetLayout instanceSetLayout,
             VkDescriptorSetLayout textureSetLayout);

    VkBuffer vertexBuffer() const { return vertices_.get(); }
    VkBuffer indexBuffer() const { return indices_.get(); }
    VkDescriptorSet instanceSet() const { return instanceSet_; }
    const std::vector<DrawCommand>& draws() const { return draws_; }
    const std::vector<GpuMaterial>& materials() const { return materials_; }
    const GpuSceneStats& stats() const { return stats_; }

    // Places a movable model (Scene::models[index] with movable set) for the next frame.
    void moveModel(std::size_t index, const glm::mat4& transform);
    // Records the instance updates of moved models; before the frame's draws.
    void recordUpdates(VkCommandBuffer commands);

private:
    void createDescriptors(gpu::GpuContext& context, VkDescriptorSetLayout instanceSetLayout, std::size_t textureCount);
    VkDescriptorSet textureSet(gpu::GpuContext& context, VkDescriptorSetLayout layout, const gpu::GpuImage& image);

    gpu::GpuBuffer vertices_;
    gpu::GpuBuffer indices_;
    gpu::GpuBuffer instanceData_;
    std::vector<gpu::GpuImage> textures_; // [0] is the 1x1 white texture for untextured materials
    gpu::OwnedSampler sampler_;
    gpu::OwnedDescriptorPool descriptorPool_;
    VkDescriptorSet instanceSet_ = VK_NULL_HANDLE;
    std::vector<GpuMaterial> materials_;
    std::vector<DrawCommand> draws_;
    GpuSceneStats stats_;

    // Movable models: where their instances are, and their transforms within the model.
    struct MovableModel {
        std::size_t model = 0;
        std::uint32_t firstInstance = 0;
        std::vector<glm::mat4> localTransforms; // in instance order
        bool moved = false;
    };
    std::vector<MovableModel> movable_;
    std::vector<InstanceData> movedInstances_; // CPU copy of the movable instances' data
};

} // namespace usine::render
