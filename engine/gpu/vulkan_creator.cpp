// Direct creation of the Vulkan instance and device.
#include "gpu/vulkan_creator.h"

#include "core/error.h"
#include "gpu/vulkan_check.h"

namespace usine::gpu {

VkInstance DirectVulkanCreator::createInstance(const VkInstanceCreateInfo& info) {
    VkInstance instance = VK_NULL_HANDLE;
    VkResult result = vkCreateInstance(&info, nullptr, &instance);
    if (result == VK_ERROR_INCOMPATIBLE_DRIVER)
        throw UserError("no Vulkan driver found: install a GPU driver, or Mesa's software driver "
                        "(package mesa-vulkan-drivers)");
    VK_CHECK(result);
    return instance;
}

VkDevice DirectVulkanCreator::createDevice(VkPhysicalDevice physicalDevice, const VkDeviceCreateInfo& info) {
    VkDevice device = VK_NULL_HANDLE;
    VK_CHECK(vkCreateDevice(physicalDevice, &info, nullptr, &device));
    return device;
}

} // namespace usine::gpu
