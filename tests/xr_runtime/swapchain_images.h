// The Vulkan images behind one swapchain: created by the runtime on the application's
// device, with memory the runtime allocates, handed over in the attachment layout that
// XR_KHR_vulkan_enable promises, and freed once the GPU is done with them.
#pragma once

#include "vulkan_queue_context.h"

#include <vector>

namespace usine::test_runtime {

// The formats xrEnumerateSwapchainFormats offers, most preferred first.
const std::vector<std::int64_t>& swapchainFormats();
bool isDepthFormat(VkFormat format);
bool isSrgbFormat(VkFormat format);

struct SwapchainImageSpec {
    VkFormat format = VK_FORMAT_UNDEFINED;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint32_t arrayLayers = 1;
    std::uint32_t mipLevels = 1;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    VkImageUsageFlags usage = 0;
    VkImageCreateFlags flags = 0;
};

// The Vulkan usage and create flags for OpenXR usage flags: XR_KHR_vulkan_enable's
// mapping plus SAMPLED (what Monado adds; the readback samples the images), no more.
SwapchainImageSpec imageSpecFor(const XrSwapchainCreateInfo& info);

class SwapchainImages {
public:
    SwapchainImages(VulkanQueueContext& gpu, const SwapchainImageSpec& spec, std::uint32_t count);
    ~SwapchainImages();
    SwapchainImages(const SwapchainImages&) = delete;
    SwapchainImages& operator=(const SwapchainImages&) = delete;

    const std::vector<VkImage>& images() const { return images_; }
    const SwapchainImageSpec& spec() const { return spec_; }
    // COLOR_ATTACHMENT_OPTIMAL, or DEPTH_STENCIL_ATTACHMENT_OPTIMAL for depth formats
    // (GENERAL when the application asked for no attachment usage).
    VkImageLayout handOverLayout() const;

private:
    void release();

    VulkanQueueContext& gpu_;
    SwapchainImageSpec spec_;
    std::vector<VkImage> images_;
    std::vector<VkDeviceMemory> memory_;
};

} // namespace usine::test_runtime
