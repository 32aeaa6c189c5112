// The seam through which someone else may create our Vulkan instance and device.
// The GPU layer decides *what* it needs (layers, extensions, features) and fills the
// create-infos; a VulkanCreator decides *how* the objects are made. The default calls
// vkCreateInstance / vkCreateDevice; the OpenXR display implements it with
// xrCreateVulkanInstanceKHR / xrCreateVulkanDeviceKHR and names the headset's GPU, so
// the renderer never includes OpenXR (the same seam as Godot's vulkan_hooks.h).
// Whoever creates them, the GpuContext owns and destroys the objects.
#pragma once

#include <vulkan/vulkan.h>

namespace usine::gpu {

class VulkanCreator {
public:
    virtual ~VulkanCreator() = default;
    virtual VkInstance createInstance(const VkInstanceCreateInfo& info) = 0;
    // The physical device we must use (a headset's runtime names one), or
    // VK_NULL_HANDLE to let the GPU layer choose.
    virtual VkPhysicalDevice requiredPhysicalDevice(VkInstance instance) = 0;
    virtual VkDevice createDevice(VkPhysicalDevice physicalDevice, const VkDeviceCreateInfo& info) = 0;
};

// Plain Vulkan: what headless rendering, tests and the desktop window use.
class DirectVulkanCreator final : public VulkanCreator {
public:
    VkInstance createInstance(const VkInstanceCreateInfo& info) override;
    VkPhysicalDevice requiredPhysicalDevice(VkInstance) override { return VK_NULL_HANDLE; }
    VkDevice createDevice(VkPhysicalDevice physicalDevice, const VkDeviceCreateInfo& info) override;
};

} // namespace usine::gpu
