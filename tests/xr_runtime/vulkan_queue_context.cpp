// The runtime's Vulkan work on the application's device (see vulkan_queue_context.h).
#include "vulkan_queue_context.h"

#include "gpu/vulkan_struct.h"

namespace usine::test_runtime {

using gpu::vkStruct;

VulkanError::VulkanError(const char* call, VkResult result)
    : std::runtime_error(std::string(call) + " failed (VkResult " + std::to_string(int(result)) + ")") {}

void checkVulkan(VkResult result, const char* call) {
    if (result != VK_SUCCESS) throw VulkanError(call, result);
}

VulkanQueueContext::VulkanQueueContext(PFN_vkGetInstanceProcAddr getInstanceProcAddr, const VulkanBinding& binding)
    : binding_(binding) {
#define USINE_LOAD_INSTANCE(name)                                                                   \
    vk_.name = reinterpret_cast<PFN_##name>(getInstanceProcAddr(binding.instance, #name));           \
    if (!vk_.name) throw std::runtime_error("the Vulkan instance has no " #name);
    USINE_TEST_RUNTIME_VULKAN_INSTANCE_FUNCTIONS(USINE_LOAD_INSTANCE)
#undef USINE_LOAD_INSTANCE
#define USINE_LOAD_DEVICE(name)                                                                     \
    vk_.name = reinterpret_cast<PFN_##name>(vk_.vkGetDeviceProcAddr(binding.device, #name));         \
    if (!vk_.name) throw std::runtime_error("the Vulkan device has no " #name);
    USINE_TEST_RUNTIME_VULKAN_DEVICE_FUNCTIONS(USINE_LOAD_DEVICE)
#undef USINE_LOAD_DEVICE

    vk_.vkGetPhysicalDeviceMemoryProperties(binding.physicalDevice, &memory_);
    vk_.vkGetDeviceQueue(binding.device, binding.queueFamilyIndex, binding.queueIndex, &queue_);

    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = binding.queueFamilyIndex;
    checkVulkan(vk_.vkCreateCommandPool(binding.device, &poolInfo, nullptr, &pool_), "vkCreateCommandPool");
    try {
        auto allocate = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
        allocate.commandPool = pool_;
        allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        allocate.commandBufferCount = 1;
        checkVulkan(vk_.vkAllocateCommandBuffers(binding.device, &allocate, &commands_), "vkAllocateCommandBuffers");
        auto fenceInfo = vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
        checkVulkan(vk_.vkCreateFence(binding.device, &fenceInfo, nullptr, &fence_), "vkCreateFence");
    } catch (...) {
        vk_.vkDestroyCommandPool(binding.device, pool_, nullptr);
        throw;
    }
}

VulkanQueueContext::~VulkanQueueContext() {
    vk_.vkDestroyFence(binding_.device, fence_, nullptr);
    vk_.vkDestroyCommandPool(binding_.device, pool_, nullptr); // frees commands_ too
}

std::uint32_t VulkanQueueContext::memoryType(std::uint32_t allowedTypes, VkMemoryPropertyFlags wanted) const {
    for (std::uint32_t i = 0; i < memory_.memoryTypeCount; ++i)
        if ((allowedTypes & (1u << i)) && (memory_.memoryTypes[i].propertyFlags & wanted) == wanted) return i;
    throw std::runtime_error("no Vulkan memory type with properties " + std::to_string(wanted));
}

bool VulkanQueueContext::supports(VkFormat format, VkImageUsageFlags usage, VkImageCreateFlags flags,
                                  VkSampleCountFlagBits samples, std::uint32_t arrayLayers, std::uint32_t mipLevels,
                                  std::uint32_t width, std::uint32_t height) const {
    VkImageFormatProperties properties{};
    if (vk_.vkGetPhysicalDeviceImageFormatProperties(binding_.physicalDevice, format, VK_IMAGE_TYPE_2D,
                                                     VK_IMAGE_TILING_OPTIMAL, usage, flags, &properties) != VK_SUCCESS)
        return false;
    return (properties.sampleCounts & samples) && arrayLayers <= properties.maxArrayLayers &&
           mipLevels <= properties.maxMipLevels && width <= properties.maxExtent.width &&
           height <= properties.maxExtent.height;
}

void VulkanQueueContext::submitAndWait(const std::function<void(VkCommandBuffer)>& record) {
    checkVulkan(vk_.vkResetCommandBuffer(commands_, 0), "vkResetCommandBuffer");
    auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    checkVulkan(vk_.vkBeginCommandBuffer(commands_, &begin), "vkBeginCommandBuffer");
    record(commands_);
    checkVulkan(vk_.vkEndCommandBuffer(commands_), "vkEndCommandBuffer");
    auto submit = vkStruct<VkSubmitInfo>(VK_STRUCTURE_TYPE_SUBMIT_INFO);
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &commands_;
    checkVulkan(vk_.vkResetFences(binding_.device, 1, &fence_), "vkResetFences");
    checkVulkan(vk_.vkQueueSubmit(queue_, 1, &submit, fence_), "vkQueueSubmit");
    checkVulkan(vk_.vkWaitForFences(binding_.device, 1, &fence_, VK_TRUE, UINT64_MAX), "vkWaitForFences");
}

void VulkanQueueContext::waitForQueue() { checkVulkan(vk_.vkQueueWaitIdle(queue_), "vkQueueWaitIdle"); }

} // namespace usine::test_runtime
