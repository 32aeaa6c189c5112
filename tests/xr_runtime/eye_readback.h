// Reading the submitted eye pictures back to the CPU: the "display" of the test
// runtime. At xrEndFrame each projection view's colour sub-image is sampled by a small
// compute pass on the application's queue into a host-visible buffer, and the runtime
// counts the pixels the application drew. Sampling, not copying: the images carry only
// the usage the application asked for plus SAMPLED (as on Monado), never TRANSFER_SRC
// for our sake, so an application relying on a usage it did not ask for is caught.
#pragma once

#include "vulkan_queue_context.h"

#include <array>
#include <cstdint>
#include <vector>

namespace usine::test_runtime {

struct EyeSource {
    VkImage image = VK_NULL_HANDLE;
    VkFormat format = VK_FORMAT_UNDEFINED;
    std::uint32_t arrayLayers = 1; // of the image
    std::uint32_t arrayLayer = 0;  // the eye's
    XrRect2Di rect{};
    VkImageLayout layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL; // as handed over and back
};

struct EyePicture {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba; // as stored (sRGB-encoded for sRGB formats), RGBA order
};

class EyeReadback {
public:
    explicit EyeReadback(VulkanQueueContext& gpu);
    ~EyeReadback();
    EyeReadback(const EyeReadback&) = delete;
    EyeReadback& operator=(const EyeReadback&) = delete;

    // Images come and go back in their `layout` (the attachment layout, as
    // XR_KHR_vulkan_enable says).
    std::array<EyePicture, 2> read(const std::array<EyeSource, 2>& eyes);

private:
    void reserve(VkDeviceSize bytes);
    void freeBuffer();
    void release();

    VulkanQueueContext& gpu_;
    VkShaderModule shader_ = VK_NULL_HANDLE;
    VkSampler sampler_ = VK_NULL_HANDLE;
    VkDescriptorSetLayout setLayout_ = VK_NULL_HANDLE;
    VkPipelineLayout pipelineLayout_ = VK_NULL_HANDLE;
    VkPipeline pipeline_ = VK_NULL_HANDLE;
    VkDescriptorPool pool_ = VK_NULL_HANDLE;
    std::array<VkDescriptorSet, 2> sets_{}; // one per eye
    VkBuffer buffer_ = VK_NULL_HANDLE;
    VkDeviceMemory memory_ = VK_NULL_HANDLE;
    VkDeviceSize capacity_ = 0;
    bool coherent_ = false;
    std::uint8_t* mapped_ = nullptr;
};

// Pixels whose red, green or blue differs by more than 8 from the picture's first pixel
// (the application's clear colour, unless it drew over that corner). Alpha is left out:
// an opaque display never shows it.
std::int64_t countDrawnPixels(const EyePicture& picture);

} // namespace usine::test_runtime
