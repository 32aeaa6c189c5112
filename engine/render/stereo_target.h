// An offscreen stereo render target: a 2-layer image array (layer 0 = left eye,
// layer 1 = right eye) drawn by one multiview pass, with 4x MSAA resolved into sRGB,
// a reversed-depth buffer, and a readback path to CPU pictures.
#pragma once

#include "core/image.h"
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"

#include <array>
#include <glm/glm.hpp>

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

class StereoTarget {
public:
    static constexpr VkFormat kColorFormat = VK_FORMAT_R8G8B8A8_SRGB;
    static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;

    // `samples` is clamped to what the GPU offers for colour and depth together.
    StereoTarget(gpu::GpuContext& context, VkExtent2D eyeExtent, VkSampleCountFlagBits samples);

    VkExtent2D eyeExtent() const { return extent_; }
    VkSampleCountFlagBits samples() const { return samples_; }

    // Starts a multiview rendering of both layers, cleared to `clearColor` (linear).
    void beginRendering(VkCommandBuffer commands, const glm::vec3& clearColor);
    void endRendering(VkCommandBuffer commands);
    // Copies the resolved picture into host memory; read it with readEyes() once the
    // submission has completed.
    void recordReadback(VkCommandBuffer commands);
    std::array<Rgba8Image, 2> readEyes() const;

private:
    VkExtent2D extent_;
    VkSampleCountFlagBits samples_;
    gpu::GpuImage multisampled_; // absent when samples_ == 1
    gpu::GpuImage resolved_;
    gpu::GpuImage depth_;
    gpu::GpuBuffer readback_;
};

} // namespace usine::render
