// The runtime's own Vulkan work on the application's device: functions loaded through
// the application's instance and device (so the application's validation layer checks
// the runtime's calls too), the application's queue, and one command buffer and fence
// for blocking one-off submissions. OpenXR asks the application to keep the queue to
// itself only while it calls the runtime, which is when all of this runs.
#pragma once

#include "xr_headers.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace usine::test_runtime {

// A failed Vulkan call; the entry point that meets it answers XR_ERROR_RUNTIME_FAILURE.
struct VulkanError : std::runtime_error {
    VulkanError(const char* call, VkResult result);
};

#define USINE_TEST_RUNTIME_VULKAN_DEVICE_FUNCTIONS(X)                                                          \
    X(vkGetDeviceQueue) X(vkDeviceWaitIdle) X(vkQueueWaitIdle) X(vkQueueSubmit) X(vkCreateImage)                \
    X(vkDestroyImage) X(vkGetImageMemoryRequirements) X(vkBindImageMemory) X(vkAllocateMemory) X(vkFreeMemory)   \
    X(vkMapMemory) X(vkUnmapMemory) X(vkInvalidateMappedMemoryRanges) X(vkCreateBuffer) X(vkDestroyBuffer)       \
    X(vkGetBufferMemoryRequirements) X(vkBindBufferMemory) X(vkCreateCommandPool) X(vkDestroyCommandPool)        \
    X(vkAllocateCommandBuffers) X(vkFreeCommandBuffers) X(vkBeginCommandBuffer) X(vkEndCommandBuffer)           \
    X(vkResetCommandBuffer) X(vkCmdPipelineBarrier) X(vkCmdCopyImageToBuffer) X(vkCreateFence) X(vkDestroyFence) \
    X(vkWaitForFences) X(vkResetFences) X(vkCreateShaderModule) X(vkDestroyShaderModule)                      \
    X(vkCreateDescriptorSetLayout) X(vkDestroyDescriptorSetLayout) X(vkCreatePipelineLayout)                    \
    X(vkDestroyPipelineLayout) X(vkCreateComputePipelines) X(vkDestroyPipeline) X(vkCreateDescriptorPool)       \
    X(vkDestroyDescriptorPool) X(vkAllocateDescriptorSets) X(vkUpdateDescriptorSets) X(vkCreateSampler)         \
    X(vkDestroySampler) X(vkCreateImageView) X(vkDestroyImageView) X(vkCmdBindPipeline)                         \
    X(vkCmdBindDescriptorSets) X(vkCmdPushConstants) X(vkCmdDispatch)

#define USINE_TEST_RUNTIME_VULKAN_INSTANCE_FUNCTIONS(X)                                                        \
    X(vkGetDeviceProcAddr) X(vkGetPhysicalDeviceMemoryProperties) X(vkGetPhysicalDeviceImageFormatProperties)  \
    X(vkGetPhysicalDeviceFormatProperties)

struct VulkanFunctions {
#define USINE_DECLARE(name) PFN_##name name = nullptr;
    USINE_TEST_RUNTIME_VULKAN_INSTANCE_FUNCTIONS(USINE_DECLARE)
    USINE_TEST_RUNTIME_VULKAN_DEVICE_FUNCTIONS(USINE_DECLARE)
#undef USINE_DECLARE
};

// What XrGraphicsBindingVulkanKHR told the runtime.
struct VulkanBinding {
    VkInstance instance = VK_NULL_HANDLE;
    VkPhysicalDevice physicalDevice = VK_NULL_HANDLE;
    VkDevice device = VK_NULL_HANDLE;
    std::uint32_t queueFamilyIndex = 0;
    std::uint32_t queueIndex = 0;
};

class VulkanQueueContext {
public:
    VulkanQueueContext(PFN_vkGetInstanceProcAddr getInstanceProcAddr, const VulkanBinding& binding);
    ~VulkanQueueContext();
    VulkanQueueContext(const VulkanQueueContext&) = delete;
    VulkanQueueContext& operator=(const VulkanQueueContext&) = delete;

    const VulkanFunctions& vk() const { return vk_; }
    const VulkanBinding& binding() const { return binding_; }
    VkDevice device() const { return binding_.device; }

    // A memory type among `allowedTypes` with all of `wanted`; throws when none has.
    std::uint32_t memoryType(std::uint32_t allowedTypes, VkMemoryPropertyFlags wanted) const;
    bool supports(VkFormat format, VkImageUsageFlags usage, VkImageCreateFlags flags, VkSampleCountFlagBits samples,
                  std::uint32_t arrayLayers, std::uint32_t mipLevels, std::uint32_t width, std::uint32_t height) const;

    // Records with `record`, submits on the application's queue and waits for the GPU.
    void submitAndWait(const std::function<void(VkCommandBuffer)>& record);
    void waitForQueue();

private:
    VulkanFunctions vk_;
    VulkanBinding binding_;
    VkQueue queue_ = VK_NULL_HANDLE;
    VkCommandPool pool_ = VK_NULL_HANDLE;
    VkCommandBuffer commands_ = VK_NULL_HANDLE;
    VkFence fence_ = VK_NULL_HANDLE;
    VkPhysicalDeviceMemoryProperties memory_{};
};

// Throws VulkanError unless `result` is VK_SUCCESS.
void checkVulkan(VkResult result, const char* call);

} // namespace usine::test_runtime
