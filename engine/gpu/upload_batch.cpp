// Staged uploads with chunk reuse and mip-chain generation.
#include "gpu/upload_batch.h"

#include "core/error.h"
#include "gpu/barriers.h"
#include "gpu/gpu_context.h"

#include <algorithm>
#include <cstring>

namespace usine::gpu {

UploadBatch::UploadBatch(GpuContext& context, VkDeviceSize chunkSize) : context_(context), chunkSize_(chunkSize) {}

std::uint8_t* UploadBatch::stagingAt(VkDeviceSize offset) const {
    return static_cast<std::uint8_t*>(staging_.mapped()) + offset;
}

VkDeviceSize UploadBatch::reserve(VkDeviceSize size, VkDeviceSize alignment) {
    VkDeviceSize aligned = (used_ + alignment - 1) / alignment * alignment;
    if (!staging_.buffer || aligned + size > staging_.size) {
        flush();
        if (!staging_.buffer || size > staging_.size)
            staging_ = createBuffer(context_, std::max(size, chunkSize_), VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                    MemoryUse::Upload);
        aligned = 0;
    }
    used_ = aligned + size;
    return aligned;
}

void UploadBatch::copyToBuffer(const GpuBuffer& destination, VkDeviceSize offset, std::span<const std::uint8_t> data) {
    if (data.empty()) return;
    if (offset + data.size() > destination.size) throw SystemError("UploadBatch: copy past the end of a buffer");
    // Large data goes in chunk-sized pieces, so the staging buffer never grows past a chunk.
    VkDeviceSize done = 0;
    while (done < data.size()) {
        const VkDeviceSize piece = std::min<VkDeviceSize>(data.size() - done, chunkSize_);
        const VkDeviceSize at = reserve(piece, 16);
        std::memcpy(stagingAt(at), data.data() + done, piece);
        VkBuffer source = staging_.get();
        VkBuffer target = destination.get();
        const VkBufferCopy region{at, offset + done, piece};
        pending_.push_back([=](VkCommandBuffer commands) { vkCmdCopyBuffer(commands, source, target, 1, &region); });
        done += piece;
    }
    bytesUploaded_ += data.size();
}

void UploadBatch::copyToImage(const GpuImage& destination, const Rgba8Image& pixels) {
    const ImageDescription& d = destination.description;
    if (static_cast<std::uint32_t>(pixels.width) != d.extent.width ||
        static_cast<std::uint32_t>(pixels.height) != d.extent.height)
        throw SystemError("UploadBatch: picture and image sizes differ");
    const VkDeviceSize at = reserve(pixels.pixels.size(), 16);
    std::memcpy(stagingAt(at), pixels.pixels.data(), pixels.pixels.size());
    bytesUploaded_ += pixels.pixels.size();

    VkBuffer source = staging_.get();
    VkImage image = destination.get();
    pending_.push_back([=](VkCommandBuffer commands) {
        transition(commands, {image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, d.mipLevels, 0, 1}, VK_IMAGE_LAYOUT_UNDEFINED,
                              VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
                              VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkBufferImageCopy region{};
        region.bufferOffset = at;
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {d.extent.width, d.extent.height, 1};
        vkCmdCopyBufferToImage(commands, source, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);

        // Each level is blitted from the one above, which first becomes a transfer source.
        std::int32_t width = static_cast<std::int32_t>(d.extent.width);
        std::int32_t height = static_cast<std::int32_t>(d.extent.height);
        for (std::uint32_t level = 1; level < d.mipLevels; ++level) {
            transition(commands, {image, {VK_IMAGE_ASPECT_COLOR_BIT, level - 1, 1, 0, 1},
                                  VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                                  VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                                  VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
            const std::int32_t nextWidth = std::max(1, width / 2);
            const std::int32_t nextHeight = std::max(1, height / 2);
            VkImageBlit blit{};
            blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level - 1, 0, 1};
            blit.srcOffsets[1] = {width, height, 1};
            blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level, 0, 1};
            blit.dstOffsets[1] = {nextWidth, nextHeight, 1};
            vkCmdBlitImage(commands, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image,
                           VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
            width = nextWidth;
            height = nextHeight;
        }
        // Levels above the last are transfer sources now; the last is still a destination.
        if (d.mipLevels > 1)
            transition(commands, {image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, d.mipLevels - 1, 0, 1},
                                  VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                                  VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_READ_BIT,
                                  VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        transition(commands, {image, {VK_IMAGE_ASPECT_COLOR_BIT, d.mipLevels - 1, 1, 0, 1},
                              VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                              VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
    });
}

void UploadBatch::copyToByteImage(const GpuImage& destination, std::span<const std::uint8_t> texels) {
    const ImageDescription& d = destination.description;
    if (texels.size() != std::size_t(d.extent.width) * d.extent.height || d.mipLevels != 1)
        throw SystemError("UploadBatch: byte picture and image sizes differ");
    const VkDeviceSize at = reserve(texels.size(), 16);
    std::memcpy(stagingAt(at), texels.data(), texels.size());
    bytesUploaded_ += texels.size();
    VkBuffer source = staging_.get();
    VkImage image = destination.get();
    pending_.push_back([=](VkCommandBuffer commands) {
        // Whatever the image held is replaced whole (frames reading it have finished).
        transition(commands, {image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1}, VK_IMAGE_LAYOUT_UNDEFINED,
                              VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                              VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkBufferImageCopy region{};
        region.bufferOffset = at;
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {d.extent.width, d.extent.height, 1};
        vkCmdCopyBufferToImage(commands, source, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        transition(commands, {image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1}, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                              VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_TRANSFER_BIT,
                              VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                              VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
    });
}

void UploadBatch::flush() {
    if (pending_.empty()) return;
    context_.submitAndWait([&](VkCommandBuffer commands) {
        for (const Recording& record : pending_) record(commands);
        // Buffer data is read by vertex input and shaders after this batch.
        memoryBarrier(commands, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT);
    });
    pending_.clear();
    used_ = 0;
}

void UploadBatch::finish() { flush(); }

bool canBlitMipmaps(GpuContext& context, VkFormat format) {
    VkFormatProperties properties;
    vkGetPhysicalDeviceFormatProperties(context.physicalDevice(), format, &properties);
    const VkFormatFeatureFlags needed = VK_FORMAT_FEATURE_BLIT_SRC_BIT | VK_FORMAT_FEATURE_BLIT_DST_BIT |
                                        VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
    return (properties.optimalTilingFeatures & needed) == needed;
}

} // namespace usine::gpu
