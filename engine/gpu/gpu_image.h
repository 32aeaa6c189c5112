// A VkImage with its memory and a view over all its layers and mip levels.
#pragma once

#include "gpu/gpu_memory.h"
#include "gpu/owned_handle.h"

#include <cstdint>

namespace usine::gpu {

class GpuContext;

struct ImageDescription {
    VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
    VkExtent2D extent{1, 1};
    std::uint32_t layers = 1;    // 2 for a stereo (multiview) target
    std::uint32_t mipLevels = 1;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    VkImageUsageFlags usage = VK_IMAGE_USAGE_SAMPLED_BIT;
    VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
};

struct GpuImage {
    OwnedImage image;
    Allocation allocation;
    OwnedImageView view; // 2D, or 2D array when layers > 1; none for transfer-only images
    ImageDescription description;

    VkImage get() const { return image.get(); }
};

GpuImage createImage(GpuContext& context, const ImageDescription& description);

// A 2D view of one layer of an image (to render into one eye of a stereo array).
OwnedImageView createLayerView(VkDevice device, const GpuImage& image, std::uint32_t layer);

// Number of mip levels down to 1x1 for a picture of this size.
std::uint32_t fullMipChainLength(std::uint32_t width, std::uint32_t height);

} // namespace usine::gpu
