// Reading the submitted eye pictures back to the CPU: the "display" of the test
// runtime. At xrEndFrame each projection view's colour sub-image is copied on the
// application's queue into a host-visible buffer, and the runtime counts the pixels the
// application drew.
#pragma once

#include "vulkan_queue_context.h"

#include <array>
#include <cstdint>
#include <vector>

namespace usine::test_runtime {

struct EyeSource {
    VkImage image = VK_NULL_HANDLE;
    VkFormat format = VK_FORMAT_UNDEFINED;
    std::uint32_t arrayLayer = 0;
    XrRect2Di rect{};
};

struct EyePicture {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba; // as stored (sRGB-encoded for sRGB formats), RGBA order
};

class EyeReadback {
public:
    explicit EyeReadback(VulkanQueueContext& gpu) : gpu_(gpu) {}
    ~EyeReadback();
    EyeReadback(const EyeReadback&) = delete;
    EyeReadback& operator=(const EyeReadback&) = delete;

    // Images come and go back in COLOR_ATTACHMENT_OPTIMAL, as XR_KHR_vulkan_enable says.
    std::array<EyePicture, 2> read(const std::array<EyeSource, 2>& eyes);

private:
    void reserve(VkDeviceSize bytes);
    void freeBuffer();

    VulkanQueueContext& gpu_;
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
