// Creates our Vulkan instance and device through the OpenXR runtime, which must know
// them (and picks the GPU the headset is on): xrCreateVulkanInstanceKHR and
// xrCreateVulkanDeviceKHR with XR_KHR_vulkan_enable2, or, with the older
// XR_KHR_vulkan_enable, plain Vulkan calls with the extensions the runtime names.
// This is the OpenXR side of the seam declared in gpu/vulkan_creator.h.
#pragma once

#include "display/openxr/openxr_instance.h"
#include "gpu/vulkan_creator.h"

namespace usine::display::openxr {

class OpenXrVulkanCreator final : public gpu::VulkanCreator {
public:
    OpenXrVulkanCreator(OpenXrInstance& instance, XrSystemId system);

    VkInstance createInstance(const VkInstanceCreateInfo& info) override;
    VkPhysicalDevice requiredPhysicalDevice(VkInstance instance) override;
    VkDevice createDevice(VkPhysicalDevice physicalDevice, const VkDeviceCreateInfo& info) override;

private:
    std::vector<std::string> legacyExtensions(const char* query) const;

    OpenXrInstance& instance_;
    XrSystemId system_;
};

} // namespace usine::display::openxr
