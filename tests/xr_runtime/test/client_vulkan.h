// The test client's Vulkan side: an instance and a device made through
// XR_KHR_vulkan_enable2 on lavapipe, with the Khronos validation layer on (so the
// runtime's own Vulkan calls on this device are checked too), and a way to paint a
// known picture into a swapchain image: a grey background with a white square.
#pragma once

#include "client_headers.h"

#include <string>
#include <vector>

namespace usine::test_runtime::client {

class ClientVulkan {
public:
    ClientVulkan(XrInstance instance, XrSystemId system);
    ~ClientVulkan();
    ClientVulkan(const ClientVulkan&) = delete;
    ClientVulkan& operator=(const ClientVulkan&) = delete;

    XrGraphicsBindingVulkan2KHR binding() const;
    // Paints `layer` of `image` (in COLOR_ATTACHMENT_OPTIMAL, as OpenXR hands it over):
    // background everywhere, then a centred white square `square` pixels a side.
    // `thenAsCopySource`: then moves it to TRANSFER_SRC_OPTIMAL and back, a misuse when
    // the swapchain was not asked for TRANSFER_SRC usage.
    void paint(VkImage image, std::uint32_t layer, std::uint32_t width, std::uint32_t height, std::uint32_t square,
               bool thenAsCopySource = false);
    void waitIdle();
    // Validation errors and warnings seen so far.
    const std::vector<std::string>& messages() const { return messages_; }

private:
    static VKAPI_ATTR VkBool32 VKAPI_CALL onMessage(VkDebugUtilsMessageSeverityFlagBitsEXT,
                                                   VkDebugUtilsMessageTypeFlagsEXT,
                                                   const VkDebugUtilsMessengerCallbackDataEXT* data, void* self);

    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    VkPhysicalDevice physicalDevice_ = VK_NULL_HANDLE;
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    std::uint32_t queueFamily_ = 0;
    VkCommandPool pool_ = VK_NULL_HANDLE;
    VkCommandBuffer commands_ = VK_NULL_HANDLE;
    VkFence fence_ = VK_NULL_HANDLE;
    VkBuffer staging_ = VK_NULL_HANDLE;
    VkDeviceMemory stagingMemory_ = VK_NULL_HANDLE;
    void* stagingMapped_ = nullptr;
    VkDeviceSize stagingSize_ = 0;
    std::vector<std::string> messages_;
};

} // namespace usine::test_runtime::client
