// Draws a GpuScene into the eyes of a stereo target's pass: owns the mesh pipeline, its
// layouts and the per-frame uniform buffer.
#pragma once

#include "gpu/gpu_buffer.h"
#include "gpu/owned_handle.h"
#include "render/frame_uniforms.h"
#include "render/stereo_passes.h"

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

class GpuScene;

class SceneRenderer {
public:
    SceneRenderer(gpu::GpuContext& context, VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples,
                  StereoPasses passes);

    VkDescriptorSetLayout instanceSetLayout() const { return instanceLayout_.get(); }
    VkDescriptorSetLayout textureSetLayout() const { return textureLayout_.get(); }
    // The per-frame uniforms (set 0), shared with the panel pipeline.
    VkDescriptorSetLayout frameSetLayout() const { return frameLayout_.get(); }
    VkDescriptorSet frameSet() const { return frameSet_; }

    // Must not be called while a submitted frame that reads the uniforms is running.
    void setFrameUniforms(const FrameUniforms& uniforms);
    // Records the draws of one pass, whose first eye is `firstEye`; the caller has begun
    // the pass (StereoTarget::beginPass).
    void draw(VkCommandBuffer commands, const GpuScene& scene, VkExtent2D extent, std::uint32_t firstEye) const;

private:
    gpu::OwnedDescriptorSetLayout frameLayout_;
    gpu::OwnedDescriptorSetLayout instanceLayout_;
    gpu::OwnedDescriptorSetLayout textureLayout_;
    gpu::OwnedPipelineLayout pipelineLayout_;
    gpu::OwnedPipeline pipeline_;
    gpu::GpuBuffer frameUniforms_;
    gpu::OwnedDescriptorPool framePool_;
    VkDescriptorSet frameSet_ = VK_NULL_HANDLE;
};

} // namespace usine::render
