// One small move-only owner for Vulkan device objects, so no handle leaks and no code
// keeps manual destroy lists. The destroy function is part of the type:
//   OwnedBuffer buffer(device, rawBuffer);   // vkDestroyBuffer runs when it goes
#pragma once

#include <utility>
#include <vulkan/vulkan.h>

namespace usine::gpu {

template <typename Handle, auto Destroy>
class DeviceOwned {
public:
    DeviceOwned() = default;
    DeviceOwned(VkDevice device, Handle handle) : device_(device), handle_(handle) {}
    ~DeviceOwned() { reset(); }

    DeviceOwned(const DeviceOwned&) = delete;
    DeviceOwned& operator=(const DeviceOwned&) = delete;
    DeviceOwned(DeviceOwned&& other) noexcept
        : device_(other.device_), handle_(std::exchange(other.handle_, VK_NULL_HANDLE)) {}
    DeviceOwned& operator=(DeviceOwned&& other) noexcept {
        if (this != &other) {
            reset();
            device_ = other.device_;
            handle_ = std::exchange(other.handle_, VK_NULL_HANDLE);
        }
        return *this;
    }

    Handle get() const { return handle_; }
    const Handle* address() const { return &handle_; }
    explicit operator bool() const { return handle_ != VK_NULL_HANDLE; }

    void reset() {
        if (handle_ != VK_NULL_HANDLE) Destroy(device_, handle_, nullptr);
        handle_ = VK_NULL_HANDLE;
    }

private:
    VkDevice device_ = VK_NULL_HANDLE;
    Handle handle_ = VK_NULL_HANDLE;
};

using OwnedBuffer = DeviceOwned<VkBuffer, vkDestroyBuffer>;
using OwnedImage = DeviceOwned<VkImage, vkDestroyImage>;
using OwnedImageView = DeviceOwned<VkImageView, vkDestroyImageView>;
using OwnedSampler = DeviceOwned<VkSampler, vkDestroySampler>;
using OwnedMemory = DeviceOwned<VkDeviceMemory, vkFreeMemory>;
using OwnedShaderModule = DeviceOwned<VkShaderModule, vkDestroyShaderModule>;
using OwnedPipeline = DeviceOwned<VkPipeline, vkDestroyPipeline>;
using OwnedPipelineLayout = DeviceOwned<VkPipelineLayout, vkDestroyPipelineLayout>;
using OwnedDescriptorSetLayout = DeviceOwned<VkDescriptorSetLayout, vkDestroyDescriptorSetLayout>;
using OwnedDescriptorPool = DeviceOwned<VkDescriptorPool, vkDestroyDescriptorPool>;
using OwnedCommandPool = DeviceOwned<VkCommandPool, vkDestroyCommandPool>;
using OwnedFence = DeviceOwned<VkFence, vkDestroyFence>;
using OwnedSemaphore = DeviceOwned<VkSemaphore, vkDestroySemaphore>;
using OwnedQueryPool = DeviceOwned<VkQueryPool, vkDestroyQueryPool>;

} // namespace usine::gpu
