// The Vulkan instance, the chosen GPU, its device and queue, and the services every
// renderer needs from them: memory, one-off command submission, capabilities.
// Created headless (no window). Who creates the instance and device is a VulkanCreator:
// ourselves by default, the OpenXR runtime when a headset is used.
#pragma once

#include "gpu/gpu_memory.h"
#include "gpu/owned_handle.h"
#include "gpu/validation_messages.h"
#include "gpu/vulkan_creator.h"

#include <functional>
#include <mutex>
#include <memory>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace usine::gpu {

struct GpuOptions {
    bool validation = false;    // Khronos validation layer + message counting
    std::string gpuName;        // part of a GPU's name to choose it; empty: best available
    std::vector<std::string> instanceExtensions; // beyond what headless rendering needs
    std::vector<std::string> deviceExtensions;
};

// True when the environment asks for validation (USINE_VALIDATION=1).
bool validationRequestedByEnvironment();

struct GpuCapabilities {
    std::string name;
    VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
    std::uint32_t apiVersion = 0;
    VkSampleCountFlagBits maxColorDepthSamples = VK_SAMPLE_COUNT_1_BIT;
    bool timestamps = false;
    std::uint32_t timestampValidBits = 0;
    float timestampPeriodNs = 1.0f;
    bool samplerAnisotropy = false;
    float maxSamplerAnisotropy = 1.0f;
    std::uint32_t maxMultiviewViewCount = 0;
    std::uint32_t maxImageDimension2D = 0;
    std::uint64_t maxStorageBufferRange = 0;
    VkDriverId driverId = static_cast<VkDriverId>(0);
    std::string driverInfo; // "llvmpipe Mesa 22.3.6 (LLVM 15.0.6)", for reports
};

class GpuContext {
public:
    explicit GpuContext(const GpuOptions& options);
    GpuContext(const GpuOptions& options, VulkanCreator& creator);
    ~GpuContext();
    GpuContext(const GpuContext&) = delete;
    GpuContext& operator=(const GpuContext&) = delete;

    VkInstance instance() const { return instance_.handle; }
    VkPhysicalDevice physicalDevice() const { return physicalDevice_; }
    VkDevice device() const { return device_.handle; }
    VkQueue queue() const { return queue_; }
    std::uint32_t queueFamily() const { return queueFamily_; }
    const GpuCapabilities& capabilities() const { return capabilities_; }
    GpuMemory& memory() { return *memory_; }

    bool validationEnabled() const { return validationEnabled_; }
    // Messages the validation layer reported (empty when validation is off).
    ValidationMessages& validationMessages() { return *validationMessages_; }

    // Records commands with `record`, submits them and waits for completion. For uploads,
    // readbacks and other work outside the frame loop.
    void submitAndWait(const std::function<void(VkCommandBuffer)>& record);
    void waitIdle();
    // Held by whoever uses the queue (submissions, waiting idle) while a SubmitThread may
    // be submitting from another thread: Vulkan wants the queue used by one at a time.
    std::unique_lock<std::mutex> queueLock() { return std::unique_lock(queueMutex_); }
    // For destructors and teardown: a lost device (a crashed runtime or driver) is
    // logged, not thrown, so cleaning up never ends the program.
    void waitIdleQuietly() noexcept;

private:
    std::mutex queueMutex_;
    struct InstanceOwner {
        VkInstance handle = VK_NULL_HANDLE;
        ~InstanceOwner();
    };
    struct MessengerOwner {
        VkInstance instance = VK_NULL_HANDLE;
        VkDebugUtilsMessengerEXT handle = VK_NULL_HANDLE;
        ~MessengerOwner();
    };
    struct DeviceOwner {
        VkDevice handle = VK_NULL_HANDLE;
        ~DeviceOwner();
    };

    void createInstance(const GpuOptions& options, VulkanCreator& creator);
    void choosePhysicalDevice(const GpuOptions& options, VulkanCreator& creator);
    void createDevice(const GpuOptions& options, VulkanCreator& creator);

    // Declaration order is destruction order reversed: everything made from the device
    // goes before the device, the device before the instance.
    std::unique_ptr<ValidationMessages> validationMessages_ = std::make_unique<ValidationMessages>();
    bool validationEnabled_ = false;
    InstanceOwner instance_;
    MessengerOwner messenger_;
    VkPhysicalDevice physicalDevice_ = VK_NULL_HANDLE;
    GpuCapabilities capabilities_;
    DeviceOwner device_;
    VkQueue queue_ = VK_NULL_HANDLE;
    std::uint32_t queueFamily_ = 0;
    std::unique_ptr<GpuMemory> memory_;
    OwnedCommandPool oneOffPool_;
};

} // namespace usine::gpu
