// Image creation on suballocated memory.
#include "gpu/gpu_image.h"

#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>
#include <bit>

namespace usine::gpu {

GpuImage createImage(GpuContext& context, const ImageDescription& description) {
    auto info = vkStruct<VkImageCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO);
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = description.format;
    info.extent = {description.extent.width, description.extent.height, 1};
    info.mipLevels = description.mipLevels;
    info.arrayLayers = description.layers;
    info.samples = description.samples;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = description.usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImage raw;
    VK_CHECK(vkCreateImage(context.device(), &info, nullptr, &raw));

    GpuImage result;
    result.image = OwnedImage(context.device(), raw);
    result.description = description;
    VkMemoryRequirements requirements;
    vkGetImageMemoryRequirements(context.device(), raw, &requirements);
    result.allocation = context.memory().allocate(requirements, MemoryUse::DeviceLocal, ResourceTiling::Optimal);
    VK_CHECK(vkBindImageMemory(context.device(), raw, result.allocation.memory(), result.allocation.offset()));

    // Images only copied to and from (readback, staging targets) cannot have views.
    constexpr VkImageUsageFlags kViewable = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_STORAGE_BIT |
                                            VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
                                            VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                                            VK_IMAGE_USAGE_INPUT_ATTACHMENT_BIT;
    if (!(description.usage & kViewable)) return result;
    auto viewInfo = vkStruct<VkImageViewCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO);
    viewInfo.image = raw;
    viewInfo.viewType = description.layers > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D;
    viewInfo.format = description.format;
    viewInfo.subresourceRange = {description.aspect, 0, description.mipLevels, 0, description.layers};
    VkImageView view;
    VK_CHECK(vkCreateImageView(context.device(), &viewInfo, nullptr, &view));
    result.view = OwnedImageView(context.device(), view);
    return result;
}

OwnedImageView createLayerView(VkDevice device, const GpuImage& image, std::uint32_t layer) {
    auto viewInfo = vkStruct<VkImageViewCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO);
    viewInfo.image = image.get();
    viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
    viewInfo.format = image.description.format;
    viewInfo.subresourceRange = {image.description.aspect, 0, 1, layer, 1};
    VkImageView view;
    VK_CHECK(vkCreateImageView(device, &viewInfo, nullptr, &view));
    return OwnedImageView(device, view);
}

std::uint32_t fullMipChainLength(std::uint32_t width, std::uint32_t height) {
    return static_cast<std::uint32_t>(std::bit_width(std::max(width, height)));
}

} // namespace usine::gpu
