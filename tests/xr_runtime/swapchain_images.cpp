// Swapchain images on the application's device (see swapchain_images.h).
#include "swapchain_images.h"

#include "gpu/vulkan_struct.h"

namespace usine::test_runtime {

using gpu::vkStruct;

const std::vector<std::int64_t>& swapchainFormats() {
    // sRGB first: OpenXR compositors read colour swapchains as sRGB-encoded pictures.
    static const std::vector<std::int64_t> formats = {VK_FORMAT_R8G8B8A8_SRGB,  VK_FORMAT_B8G8R8A8_SRGB,
                                                      VK_FORMAT_R8G8B8A8_UNORM, VK_FORMAT_B8G8R8A8_UNORM,
                                                      VK_FORMAT_D32_SFLOAT,     VK_FORMAT_D16_UNORM};
    return formats;
}

bool isDepthFormat(VkFormat format) { return format == VK_FORMAT_D32_SFLOAT || format == VK_FORMAT_D16_UNORM; }

bool isSrgbFormat(VkFormat format) { return format == VK_FORMAT_R8G8B8A8_SRGB || format == VK_FORMAT_B8G8R8A8_SRGB; }

SwapchainImageSpec imageSpecFor(const XrSwapchainCreateInfo& info) {
    SwapchainImageSpec spec;
    spec.format = VkFormat(info.format);
    spec.width = info.width;
    spec.height = info.height;
    spec.arrayLayers = info.arraySize;
    spec.mipLevels = info.mipCount;
    spec.samples = VkSampleCountFlagBits(info.sampleCount);
    const XrSwapchainUsageFlags usage = info.usageFlags;
    // Exactly XR_KHR_vulkan_enable's mapping of what was asked, plus SAMPLED, as Monado
    // does (its compositor samples the images; so does our readback). Nothing else: an
    // application that relies on a usage it did not ask for is caught by its validation
    // layer here, as it would misbehave on a real runtime.
    VkImageUsageFlags vk = VK_IMAGE_USAGE_SAMPLED_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT) vk |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT) vk |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT) vk |= VK_IMAGE_USAGE_STORAGE_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT) vk |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT) vk |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_INPUT_ATTACHMENT_BIT_KHR) vk |= VK_IMAGE_USAGE_INPUT_ATTACHMENT_BIT;
    spec.usage = vk;
    if (usage & XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT) spec.flags |= VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT;
    return spec;
}

SwapchainImages::SwapchainImages(VulkanQueueContext& gpu, const SwapchainImageSpec& spec, std::uint32_t count)
    : gpu_(gpu), spec_(spec) {
    const VulkanFunctions& vk = gpu.vk();
    try {
        for (std::uint32_t i = 0; i < count; ++i) {
            auto info = vkStruct<VkImageCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO);
            info.flags = spec.flags;
            info.imageType = VK_IMAGE_TYPE_2D;
            info.format = spec.format;
            info.extent = {spec.width, spec.height, 1};
            info.mipLevels = spec.mipLevels;
            info.arrayLayers = spec.arrayLayers;
            info.samples = spec.samples;
            info.tiling = VK_IMAGE_TILING_OPTIMAL;
            info.usage = spec.usage;
            info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
            info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
            VkImage image = VK_NULL_HANDLE;
            checkVulkan(vk.vkCreateImage(gpu.device(), &info, nullptr, &image), "vkCreateImage");
            images_.push_back(image);

            VkMemoryRequirements needs{};
            vk.vkGetImageMemoryRequirements(gpu.device(), image, &needs);
            auto allocate = vkStruct<VkMemoryAllocateInfo>(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO);
            allocate.allocationSize = needs.size;
            allocate.memoryTypeIndex = gpu.memoryType(needs.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
            VkDeviceMemory memory = VK_NULL_HANDLE;
            checkVulkan(vk.vkAllocateMemory(gpu.device(), &allocate, nullptr, &memory), "vkAllocateMemory");
            memory_.push_back(memory);
            checkVulkan(vk.vkBindImageMemory(gpu.device(), image, memory, 0), "vkBindImageMemory");
        }

        // XR_KHR_vulkan_enable: an acquired image is already in the attachment layout.
        const bool depth = isDepthFormat(spec.format);
        gpu.submitAndWait([&](VkCommandBuffer commands) {
            std::vector<VkImageMemoryBarrier> barriers;
            for (VkImage image : images_) {
                auto barrier = vkStruct<VkImageMemoryBarrier>(VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER);
                barrier.srcAccessMask = 0;
                barrier.dstAccessMask = depth ? VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                                                    VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT
                                              : VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
                barrier.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
                barrier.newLayout = handOverLayout();
                barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
                barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
                barrier.image = image;
                barrier.subresourceRange = {VkImageAspectFlags(depth ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT),
                                            0, spec.mipLevels, 0, spec.arrayLayers};
                barriers.push_back(barrier);
            }
            const VkPipelineStageFlags destination =
                depth ? VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT
                      : VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
            gpu.vk().vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, destination, 0, 0, nullptr, 0,
                                          nullptr, std::uint32_t(barriers.size()), barriers.data());
        });
    } catch (...) {
        release();
        throw;
    }
}

SwapchainImages::~SwapchainImages() {
    try {
        // The application's or the runtime's last commands may still read the images.
        gpu_.waitForQueue();
    } catch (const VulkanError&) {
        // A lost device: nothing is running any more, freeing is still right.
    }
    release();
}

void SwapchainImages::release() {
    for (VkImage image : images_) gpu_.vk().vkDestroyImage(gpu_.device(), image, nullptr);
    for (VkDeviceMemory memory : memory_) gpu_.vk().vkFreeMemory(gpu_.device(), memory, nullptr);
    images_.clear();
    memory_.clear();
}

VkImageLayout SwapchainImages::handOverLayout() const {
    // An image without the attachment usage cannot be in the attachment layout: such
    // swapchains (rare: e.g. written only by transfers) are handed over in GENERAL.
    if (isDepthFormat(spec_.format))
        return spec_.usage & VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT ? VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL
                                                                         : VK_IMAGE_LAYOUT_GENERAL;
    return spec_.usage & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT ? VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL
                                                             : VK_IMAGE_LAYOUT_GENERAL;
}

} // namespace usine::test_runtime
