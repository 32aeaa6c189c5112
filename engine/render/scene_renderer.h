// Draws a GpuScene into the eyes of a stereo target's pass: owns the mesh pipelines (with
// and without a base-colour texture; culling set per draw), their layouts and the
// uniform buffer of each frame slot.
#pragma once

#include "gpu/gpu_buffer.h"
#include "gpu/owned_handle.h"
#include "render/frame_uniforms.h"
#include "render/stereo_passes.h"

#include <array>

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

class GpuScene;

class SceneRenderer {
public:
    SceneRenderer(gpu::GpuContext& context, VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples,
                  StereoPasses passes);

    VkDescriptorSetLayout textureSetLayout() const { return textureLayout_.get(); }
    // The per-frame uniforms (set 0), shared with the panel pipeline.
    VkDescriptorSetLayout frameSetLayout() const { return frameLayout_.get(); }
    VkDescriptorSet frameSet(std::uint32_t slot) const { return slots_[slot].set; }
    // Set 2 of the mesh pipelines: the sun's shadow map (ShadowMap::set).
    VkDescriptorSetLayout shadowSetLayout() const { return shadowLayout_.get(); }

    // The slot's previous frame must be finished on the GPU.
    void setFrameUniforms(std::uint32_t slot, const FrameUniforms& uniforms);
    // Records the draws GpuScene::prepareFrame listed for `slot`, for one pass whose
    // first eye is `firstEye`; the caller has begun the pass (StereoTarget::beginPass).
    // `shadowSet`: the slot's shadow map (ShadowMap::set).
    void draw(VkCommandBuffer commands, const GpuScene& scene, VkExtent2D extent, std::uint32_t firstEye,
              std::uint32_t slot, VkDescriptorSet shadowSet) const;

private:
    gpu::OwnedDescriptorSetLayout frameLayout_;
    gpu::OwnedDescriptorSetLayout textureLayout_;
    gpu::OwnedDescriptorSetLayout shadowLayout_;
    gpu::OwnedPipelineLayout pipelineLayout_;
    gpu::OwnedPipeline texturedPipeline_;
    gpu::OwnedPipeline untexturedPipeline_;
    struct FrameSlot {
        gpu::GpuBuffer uniforms;
        VkDescriptorSet set = VK_NULL_HANDLE;
    };
    std::array<FrameSlot, 2> slots_;
    gpu::OwnedDescriptorPool framePool_;
};

} // namespace usine::render
