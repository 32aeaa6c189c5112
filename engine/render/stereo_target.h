// An offscreen stereo render target: a 2-layer image array (layer 0 = left eye,
// layer 1 = right eye) drawn by one multiview pass (or one pass per eye, see
// stereo_passes.h), with 4x MSAA resolved into sRGB, a reversed-depth buffer, and a
// readback path to CPU pictures. A frame may instead be resolved (or drawn) straight into
// a display's 2-layer image, a headset's array swapchain image, saving a copy per frame.
#pragma once

#include "core/image.h"
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"
#include "render/frame_destination.h"
#include "render/stereo_passes.h"

#include <array>
#include <optional>
#include <vector>
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
    // `keepDepth`: the depth of both eyes is kept (resolved to one sample) so it can be
    // copied out, e.g. to a headset's compositor for better reprojection.
    StereoTarget(gpu::GpuContext& context, VkExtent2D eyeExtent, VkSampleCountFlagBits samples, StereoPasses passes,
                 bool keepDepth = false);

    VkExtent2D eyeExtent() const { return extent_; }
    VkSampleCountFlagBits samples() const { return samples_; }
    StereoPasses passes() const { return passes_; }
    std::uint32_t passCount() const { return passes_ == StereoPasses::OneMultiviewPass ? 1 : 2; }
    // The eye a pass starts with (0 for the multiview pass; 0 or 1 when one per eye).
    std::uint32_t firstEyeOfPass(std::uint32_t pass) const { return pass; }

    // Once per frame, before the passes: layouts for this frame's drawing. With `drawInto`
    // (a display's image of both eyes) the frame goes straight into it when it can (the
    // same format and size, and a usage that allows every layout the frame needs;
    // drawsDirectly() says), instead of into the target's own image. `copiedFrom`: the
    // picture will be copied out this frame (recordCopyToOutputs, recordReadback).
    void prepare(VkCommandBuffer commands, const EyeLayersImage* drawInto = nullptr, bool copiedFrom = true);
    bool drawsDirectly() const { return drawInto_.has_value(); }
    // Starts pass `pass` (multiview over both layers, or one layer), cleared to
    // `clearColor` (linear).
    void beginPass(VkCommandBuffer commands, std::uint32_t pass, const glm::vec3& clearColor);
    void endPass(VkCommandBuffer commands);
    // Once per frame, after the passes: the resolved picture of both eyes ends in
    // TRANSFER_SRC_OPTIMAL, ready to be copied (to a PNG, or a headset's swapchain); a
    // display image drawn into directly and not copied from goes straight to its layout.
    void finish(VkCommandBuffer commands);
    // Last, after any copies: a display image drawn into directly goes back to its layout.
    void handBack(VkCommandBuffer commands);
    // After finish(): copies each output's eye into a display's image (converting format
    // and size with a linear blit when they differ), leaving those images in their layouts.
    void recordCopyToOutputs(VkCommandBuffer commands, const std::vector<OutputImage>& outputs);
    // After finish(), with keepDepth: copies each eye's depth into a display's depth image
    // (same format, kDepthFormat), leaving it in its layout.
    void recordCopyDepthToOutputs(VkCommandBuffer commands, const std::vector<OutputImage>& outputs);
    bool keepsDepth() const { return keepDepth_; }
    // After finish(): copies the picture into host memory; read it with readEyes() once
    // the submission has completed.
    void recordReadback(VkCommandBuffer commands);
    std::array<Rgba8Image, 2> readEyes() const;

private:
    bool resolvesInPass() const;
    bool canDrawInto(const EyeLayersImage& image, bool copiedFrom) const;
    // Where finish() leaves the picture: ready to be copied, or handed back at once.
    bool handsBackInFinish() const { return drawInto_ && !copiedFrom_; }
    // The picture of both eyes once finished: the display's image, or the target's own.
    VkImage picture() const { return drawInto_ ? drawInto_->image : resolved_.get(); }

    struct PassViews {
        VkImageView multisampled = VK_NULL_HANDLE;
        VkImageView resolved = VK_NULL_HANDLE;
        VkImageView depth = VK_NULL_HANDLE;
        VkImageView depthResolved = VK_NULL_HANDLE; // keepDepth with MSAA only
    };
    // The single-sample depth of both eyes: the resolved copy, or the depth buffer itself.
    VkImage keptDepth() const { return depthResolved_.image ? depthResolved_.get() : depth_.get(); }

    VkExtent2D extent_;
    VkSampleCountFlagBits samples_;
    StereoPasses passes_;
    bool keepDepth_;
    gpu::GpuImage multisampled_; // absent when samples_ == 1
    gpu::GpuImage resolved_;
    gpu::GpuImage depth_;
    gpu::GpuImage depthResolved_; // keepDepth with MSAA: depth_ resolved to one sample
    gpu::GpuBuffer readback_;
    std::vector<gpu::OwnedImageView> layerViews_; // one pass per eye: views of single layers
    std::vector<PassViews> passViews_;
    std::optional<EyeLayersImage> drawInto_; // this frame's, when drawn into directly
    bool copiedFrom_ = true;                 // this frame's picture is copied out
};

} // namespace usine::render
