// Stereo target images, the multiview rendering scope and the readback.
#include "render/stereo_target.h"
#include "gpu/vulkan_struct.h"

#include "core/error.h"
#include "gpu/barriers.h"
#include "gpu/gpu_context.h"

#include <algorithm>
#include <cstring>

namespace usine::render {

using namespace usine::gpu;

StereoTarget::StereoTarget(GpuContext& context, VkExtent2D eyeExtent, VkSampleCountFlagBits samples,
                           StereoPasses passes, bool keepDepth)
    : extent_(eyeExtent),
      samples_(samples > context.capabilities().maxColorDepthSamples ? context.capabilities().maxColorDepthSamples
                                                                    : samples),
      passes_(passes), keepDepth_(keepDepth) {
    if (eyeExtent.width == 0 || eyeExtent.height == 0 || eyeExtent.width > 8192 || eyeExtent.height > 8192)
        throw UserError("the picture size must be between 1x1 and 8192x8192 per eye");
    ImageDescription color;
    color.format = kColorFormat;
    color.extent = eyeExtent;
    color.layers = 2;
    color.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT |
                  (resolvesInPass() ? 0 : VK_IMAGE_USAGE_TRANSFER_DST_BIT);
    resolved_ = createImage(context, color);
    if (samples_ != VK_SAMPLE_COUNT_1_BIT) {
        color.samples = samples_;
        // One pass per eye resolves with a transfer afterwards (see resolvesInPass()).
        color.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | (resolvesInPass() ? VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT
                                                                               : VK_IMAGE_USAGE_TRANSFER_SRC_BIT);
        multisampled_ = createImage(context, color);
    }
    ImageDescription depth;
    depth.format = kDepthFormat;
    depth.extent = eyeExtent;
    depth.layers = 2;
    depth.samples = samples_;
    // A kept single-sample depth buffer is copied out, so it cannot be transient.
    const bool depthCopiedOut = keepDepth && samples_ == VK_SAMPLE_COUNT_1_BIT;
    depth.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                  (depthCopiedOut ? VK_IMAGE_USAGE_TRANSFER_SRC_BIT : VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT);
    depth.aspect = VK_IMAGE_ASPECT_DEPTH_BIT;
    depth_ = createImage(context, depth);
    if (keepDepth && samples_ != VK_SAMPLE_COUNT_1_BIT) {
        depth.samples = VK_SAMPLE_COUNT_1_BIT;
        depth.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
        depthResolved_ = createImage(context, depth);
    }

    const VkDeviceSize eyeBytes = VkDeviceSize(eyeExtent.width) * eyeExtent.height * 4;
    readback_ = createBuffer(context, eyeBytes * 2, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Readback);

    if (passes_ == StereoPasses::OneMultiviewPass) {
        passViews_.push_back(
            {multisampled_.view.get(), resolved_.view.get(), depth_.view.get(), depthResolved_.view.get()});
        return;
    }
    auto layerView = [&](const GpuImage& image, std::uint32_t layer) {
        if (!image.image) return VkImageView(VK_NULL_HANDLE);
        layerViews_.push_back(createLayerView(context.device(), image, layer));
        return layerViews_.back().get();
    };
    for (std::uint32_t eye = 0; eye < 2; ++eye)
        passViews_.push_back({layerView(multisampled_, eye), layerView(resolved_, eye), layerView(depth_, eye),
                              layerView(depthResolved_, eye)});
}

bool StereoTarget::resolvesInPass() const {
    // Mesa's lavapipe 22.3 resolves a single-layer view of layer 1 into layer 0 (measured:
    // the right eye stayed empty), so passes per eye resolve both layers with one
    // vkCmdResolveImage after drawing. The multiview pass resolves as it ends, which is
    // what tiled GPUs do best.
    return passes_ == StereoPasses::OneMultiviewPass;
}

bool StereoTarget::canDrawInto(const EyeLayersImage& image, bool copiedFrom) const {
    // One pass per eye without MSAA would draw into single-layer views of the display's
    // image, which we do not make; every other way resolves or draws both layers at once.
    const bool bothLayersAtOnce = passes_ == StereoPasses::OneMultiviewPass || samples_ != VK_SAMPLE_COUNT_1_BIT;
    // Every layout the frame puts the image in must be allowed by the usage the display
    // asked for (VUID-VkImageMemoryBarrier2-oldLayout-01212 and its siblings).
    VkImageUsageFlags needed = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    if (!resolvesInPass() && samples_ != VK_SAMPLE_COUNT_1_BIT) needed |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (copiedFrom) needed |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    return image.image && image.view && image.format == kColorFormat && image.extent.width == extent_.width &&
           image.extent.height == extent_.height && bothLayersAtOnce && (image.usage & needed) == needed;
}

void StereoTarget::prepare(VkCommandBuffer commands, const EyeLayersImage* drawInto, bool copiedFrom) {
    const VkImageSubresourceRange colorRange{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 2};
    drawInto_.reset();
    copiedFrom_ = copiedFrom;
    if (drawInto && canDrawInto(*drawInto, copiedFrom)) drawInto_ = *drawInto;
    // Previous contents are discarded (UNDEFINED); the barriers order this frame's writes
    // after the previous frame's writes and readback copy. The picture is the target's
    // own image, or the display's image when drawn into directly (ours is then unused).
    constexpr VkPipelineStageFlags2 kPreviousUse = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT |
                                                   VK_PIPELINE_STAGE_2_COPY_BIT | VK_PIPELINE_STAGE_2_RESOLVE_BIT;
    transition(commands, {picture(), colorRange, VK_IMAGE_LAYOUT_UNDEFINED,
                          VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, kPreviousUse,
                          VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                          VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    if (multisampled_.image)
        transition(commands, {multisampled_.get(), colorRange, VK_IMAGE_LAYOUT_UNDEFINED,
                              VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, kPreviousUse,
                              VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    constexpr VkPipelineStageFlags2 kDepthStages =
        VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT;
    constexpr VkAccessFlags2 kDepthAccess =
        VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
    transition(commands, {depth_.get(), {VK_IMAGE_ASPECT_DEPTH_BIT, 0, 1, 0, 2}, VK_IMAGE_LAYOUT_UNDEFINED,
                          VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, kDepthStages | VK_PIPELINE_STAGE_2_COPY_BIT,
                          VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, kDepthStages, kDepthAccess});
    if (depthResolved_.image)
        // Depth resolves count as colour-attachment-output work; both stage families are
        // named so the barrier holds whichever way a driver files them.
        transition(commands, {depthResolved_.get(), {VK_IMAGE_ASPECT_DEPTH_BIT, 0, 1, 0, 2},
                              VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                              VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_NONE,
                              kDepthStages | VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              kDepthAccess | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
}

void StereoTarget::beginPass(VkCommandBuffer commands, std::uint32_t pass, const glm::vec3& clearColor) {
    PassViews views = passViews_.at(pass);
    // Drawing into a display's image: only ever both layers at once (canDrawInto).
    if (drawInto_ && (resolvesInPass() || !views.multisampled)) views.resolved = drawInto_->view;
    auto color = vkStruct<VkRenderingAttachmentInfo>(VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO);
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    color.clearValue.color = {{clearColor.x, clearColor.y, clearColor.z, 1.0f}};
    if (views.multisampled && resolvesInPass()) {
        color.imageView = views.multisampled;
        color.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE; // only the resolved picture is kept
        color.resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
        color.resolveImageView = views.resolved;
        color.resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    } else if (views.multisampled) {
        color.imageView = views.multisampled;
        color.storeOp = VK_ATTACHMENT_STORE_OP_STORE; // resolved in finish()
    } else {
        color.imageView = views.resolved;
        color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    }
    auto depth = vkStruct<VkRenderingAttachmentInfo>(VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO);
    depth.imageView = views.depth;
    depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    depth.storeOp = keepDepth_ && !views.depthResolved ? VK_ATTACHMENT_STORE_OP_STORE : VK_ATTACHMENT_STORE_OP_DONT_CARE;
    if (views.depthResolved) {
        depth.resolveMode = VK_RESOLVE_MODE_SAMPLE_ZERO_BIT; // the one mode every GPU has
        depth.resolveImageView = views.depthResolved;
        depth.resolveImageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    }
    depth.clearValue.depthStencil = {0.0f, 0}; // reversed depth: 0 is infinitely far

    auto rendering = vkStruct<VkRenderingInfo>(VK_STRUCTURE_TYPE_RENDERING_INFO);
    rendering.renderArea = {{0, 0}, extent_};
    rendering.layerCount = 1; // ignored with multiview; the view mask selects the layers
    rendering.viewMask = passes_ == StereoPasses::OneMultiviewPass ? 0b11 : 0;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &color;
    rendering.pDepthAttachment = &depth;
    vkCmdBeginRendering(commands, &rendering);
}

void StereoTarget::endPass(VkCommandBuffer commands) { vkCmdEndRendering(commands); }

void StereoTarget::finish(VkCommandBuffer commands) {
    const VkImageSubresourceRange both{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 2};
    if (keepDepth_)
        transition(commands, {keptDepth(), {VK_IMAGE_ASPECT_DEPTH_BIT, 0, 1, 0, 2}, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                              VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                              VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
    // The picture's last layout this frame: ready to be copied from, or the display's own.
    const bool handBackNow = handsBackInFinish();
    const VkImageLayout finalLayout = handBackNow ? drawInto_->layout : VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    const VkPipelineStageFlags2 nextStages = handBackNow ? VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT : VK_PIPELINE_STAGE_2_COPY_BIT;
    const VkAccessFlags2 nextAccess = handBackNow ? VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT
                                                  : VK_ACCESS_2_TRANSFER_READ_BIT;
    if (multisampled_.image && !resolvesInPass()) {
        transition(commands, {multisampled_.get(), both, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                              VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, VK_PIPELINE_STAGE_2_RESOLVE_BIT,
                              VK_ACCESS_2_TRANSFER_READ_BIT});
        transition(commands, {picture(), both, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                              VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_RESOLVE_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkImageResolve region{};
        region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 2};
        region.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 2};
        region.extent = {extent_.width, extent_.height, 1};
        vkCmdResolveImage(commands, multisampled_.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, picture(),
                          VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        transition(commands, {picture(), both, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, finalLayout,
                              VK_PIPELINE_STAGE_2_RESOLVE_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, nextStages, nextAccess});
        return;
    }
    transition(commands, {picture(), both, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, finalLayout,
                          VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                          nextStages, nextAccess});
}

void StereoTarget::handBack(VkCommandBuffer commands) {
    if (!drawInto_ || handsBackInFinish()) return;
    transition(commands, {drawInto_->image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 2}, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                          drawInto_->layout, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT | VK_PIPELINE_STAGE_2_RESOLVE_BIT,
                          VK_ACCESS_2_TRANSFER_READ_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT});
}

void StereoTarget::recordCopyToOutputs(VkCommandBuffer commands, const std::vector<OutputImage>& outputs) {
    // Each distinct image layer is transitioned once, even when several outputs share it
    // (both eyes side by side in one window image).
    std::vector<const OutputImage*> layers;
    for (const OutputImage& eye : outputs) {
        bool seen = false;
        for (const OutputImage* layer : layers) seen |= layer->image == eye.image && layer->layer == eye.layer;
        if (!seen) layers.push_back(&eye);
    }
    constexpr VkPipelineStageFlags2 kTransfer = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT;
    for (const OutputImage* layer : layers)
        transition(commands, {layer->image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, layer->layer, 1},
                              layer->keepOtherContents ? layer->layout : VK_IMAGE_LAYOUT_UNDEFINED,
                              VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, kTransfer, VK_ACCESS_2_TRANSFER_WRITE_BIT, kTransfer,
                              VK_ACCESS_2_TRANSFER_WRITE_BIT});
    for (const OutputImage& out : outputs) {
        const std::uint32_t eye = std::min(out.eye, 1u);
        const bool sameShape = out.format == kColorFormat && out.extent.width == extent_.width &&
                               out.extent.height == extent_.height;
        if (sameShape) {
            VkImageCopy region{};
            region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, eye, 1};
            region.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, out.layer, 1};
            region.dstOffset = {out.offset.x, out.offset.y, 0};
            region.extent = {extent_.width, extent_.height, 1};
            vkCmdCopyImage(commands, picture(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, out.image,
                           VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        } else {
            VkImageBlit region{};
            region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, eye, 1};
            region.srcOffsets[1] = {static_cast<std::int32_t>(extent_.width), static_cast<std::int32_t>(extent_.height), 1};
            region.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, out.layer, 1};
            region.dstOffsets[0] = {out.offset.x, out.offset.y, 0};
            region.dstOffsets[1] = {out.offset.x + static_cast<std::int32_t>(out.extent.width),
                                    out.offset.y + static_cast<std::int32_t>(out.extent.height), 1};
            vkCmdBlitImage(commands, picture(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, out.image,
                           VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region, VK_FILTER_LINEAR);
        }
    }
    for (const OutputImage* layer : layers)
        transition(commands, {layer->image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, layer->layer, 1},
                              VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, layer->layout, kTransfer,
                              VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                              VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT});
}

void StereoTarget::recordCopyDepthToOutputs(VkCommandBuffer commands, const std::vector<OutputImage>& outputs) {
    if (!keepDepth_) throw SystemError("StereoTarget: depth was not kept");
    constexpr VkPipelineStageFlags2 kCopy = VK_PIPELINE_STAGE_2_COPY_BIT;
    for (const OutputImage& out : outputs) {
        const std::uint32_t eye = std::min(out.eye, 1u);
        if (out.format != kDepthFormat || out.extent.width != extent_.width || out.extent.height != extent_.height)
            throw SystemError("StereoTarget: a depth output must match the depth buffer's format and size");
        const VkImageSubresourceRange range{VK_IMAGE_ASPECT_DEPTH_BIT, 0, 1, out.layer, 1};
        transition(commands, {out.image, range, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, kCopy,
                              VK_ACCESS_2_NONE, kCopy, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkImageCopy region{};
        region.srcSubresource = {VK_IMAGE_ASPECT_DEPTH_BIT, 0, eye, 1};
        region.dstSubresource = {VK_IMAGE_ASPECT_DEPTH_BIT, 0, out.layer, 1};
        region.dstOffset = {out.offset.x, out.offset.y, 0};
        region.extent = {extent_.width, extent_.height, 1};
        vkCmdCopyImage(commands, keptDepth(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, out.image,
                       VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        transition(commands, {out.image, range, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, out.layout, kCopy,
                              VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                              VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT});
    }
}

void StereoTarget::recordReadback(VkCommandBuffer commands) {
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 2};
    region.imageExtent = {extent_.width, extent_.height, 1};
    vkCmdCopyImageToBuffer(commands, picture(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback_.get(), 1, &region);
    memoryBarrier(commands, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                  VK_ACCESS_2_HOST_READ_BIT);
}

std::array<Rgba8Image, 2> StereoTarget::readEyes() const {
    std::array<Rgba8Image, 2> eyes{Rgba8Image(static_cast<int>(extent_.width), static_cast<int>(extent_.height)),
                                   Rgba8Image(static_cast<int>(extent_.width), static_cast<int>(extent_.height))};
    const auto* bytes = static_cast<const std::uint8_t*>(readback_.mapped());
    const std::size_t eyeBytes = eyes[0].pixels.size();
    std::memcpy(eyes[0].pixels.data(), bytes, eyeBytes);
    std::memcpy(eyes[1].pixels.data(), bytes + eyeBytes, eyeBytes);
    return eyes;
}

} // namespace usine::render
