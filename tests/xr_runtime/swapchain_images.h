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
bool isBlueFirstFormat(VkFormat format); // B8G8R8A8: the readback swaps to RGBA

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

// The Vulkan usage and create flags for OpenXR usage flags. The attachment usage of the
// format is always added (the promised layout needs it) and TRANSFER_SRC too, for the
// runtime's own readback.
SwapchainImageSpec imageSpecFor(const XrSwapchainCreateInfo& info);

class SwapchainImages {
public:
    SwapchainImages(VulkanQueueContext& gpu, const SwapchainImageSpec& spec, std::uint32_t count);
    ~SwapchainImages();
    SwapchainImages(const SwapchainImages&) = delete;
    SwapchainImages& operator=(const SwapchainImages&) = delete;

    const std::vector<VkImage>& images() const { return images_; }
    const SwapchainImageSpec& spec() const { return spec_; }
    // COLOR_ATTACHMENT_OPTIMAL, or DEPTH_STENCIL_ATTACHMENT_OPTIMAL for depth formats.
    VkImageLayout handOverLayout() const;

private:
    void release();

    VulkanQueueContext& gpu_;
    SwapchainImageSpec spec_;
    std::vector<VkImage> images_;
    std::vector<VkDeviceMemory> memory_;
};

} // namespace usine::test_runtime
