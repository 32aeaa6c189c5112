// Vulkan creation through the OpenXR runtime (see openxr_vulkan_creator.h).
#include "display/openxr/openxr_vulkan_creator.h"

#include "core/error.h"
#include "core/log.h"
#include "core/text.h"
#include "display/openxr/xr_check.h"
#include "display/openxr/xr_struct.h"
#include "gpu/vulkan_check.h"

#include <sstream>

namespace usine::display::openxr {
namespace {

// Appends `extra` to a create-info's extension list (the runtime may need more).
std::vector<const char*> withExtensions(const char* const* names, std::uint32_t count,
                                        const std::vector<std::string>& extra) {
    std::vector<const char*> all(names, names + count);
    for (const std::string& name : extra) {
        bool present = false;
        for (const char* existing : all) present |= name == existing;
        if (!present) all.push_back(name.c_str());
    }
    return all;
}

} // namespace

OpenXrVulkanCreator::OpenXrVulkanCreator(OpenXrInstance& instance, XrSystemId system)
    : instance_(instance), system_(system) {
    // The runtime must be asked for its Vulkan requirements before anything else.
    auto requirements = xrStruct<XrGraphicsRequirementsVulkanKHR>(XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR);
    const char* name = instance.vulkanEnable2() ? "xrGetVulkanGraphicsRequirements2KHR"
                                                : "xrGetVulkanGraphicsRequirementsKHR";
    auto get = instance.function<PFN_xrGetVulkanGraphicsRequirementsKHR>(name);
    if (!get) throw SystemError(concat("the OpenXR runtime lacks ", name));
    XR_CHECK(get(instance.handle(), system, &requirements));
    const XrVersion needed = XR_MAKE_VERSION(1, 3, 0);
    if (requirements.minApiVersionSupported > needed)
        throw UserError("the headset's runtime wants a newer Vulkan than 1.3");
    if (requirements.maxApiVersionSupported < needed)
        log::debug("the OpenXR runtime was tested with an older Vulkan than 1.3; going on");
}

std::vector<std::string> OpenXrVulkanCreator::legacyExtensions(const char* query) const {
    auto get = instance_.function<PFN_xrGetVulkanInstanceExtensionsKHR>(query);
    if (!get) throw SystemError(concat("the OpenXR runtime lacks ", query));
    std::uint32_t size = 0;
    XR_CHECK(get(instance_.handle(), system_, 0, &size, nullptr));
    std::string text(size, '\0');
    XR_CHECK(get(instance_.handle(), system_, size, &size, text.data()));
    std::istringstream words(text.c_str()); // space-separated, NUL-terminated
    std::vector<std::string> names;
    for (std::string word; words >> word;) names.push_back(word);
    return names;
}

VkInstance OpenXrVulkanCreator::createInstance(const VkInstanceCreateInfo& info) {
    VkInstance vulkan = VK_NULL_HANDLE;
    if (instance_.vulkanEnable2()) {
        auto create = instance_.function<PFN_xrCreateVulkanInstanceKHR>("xrCreateVulkanInstanceKHR");
        auto xrInfo = xrStruct<XrVulkanInstanceCreateInfoKHR>(XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR);
        xrInfo.systemId = system_;
        xrInfo.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
        xrInfo.vulkanCreateInfo = &info;
        VkResult vulkanResult = VK_SUCCESS;
        XR_CHECK(create(instance_.handle(), &xrInfo, &vulkan, &vulkanResult));
        VK_CHECK(vulkanResult);
        return vulkan;
    }
    const std::vector<std::string> extra = legacyExtensions("xrGetVulkanInstanceExtensionsKHR");
    const auto names = withExtensions(info.ppEnabledExtensionNames, info.enabledExtensionCount, extra);
    VkInstanceCreateInfo extended = info;
    extended.enabledExtensionCount = static_cast<std::uint32_t>(names.size());
    extended.ppEnabledExtensionNames = names.data();
    VK_CHECK(vkCreateInstance(&extended, nullptr, &vulkan));
    return vulkan;
}

VkPhysicalDevice OpenXrVulkanCreator::requiredPhysicalDevice(VkInstance vulkan) {
    VkPhysicalDevice device = VK_NULL_HANDLE;
    if (instance_.vulkanEnable2()) {
        auto get = instance_.function<PFN_xrGetVulkanGraphicsDevice2KHR>("xrGetVulkanGraphicsDevice2KHR");
        auto info = xrStruct<XrVulkanGraphicsDeviceGetInfoKHR>(XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR);
        info.systemId = system_;
        info.vulkanInstance = vulkan;
        XR_CHECK(get(instance_.handle(), &info, &device));
    } else {
        auto get = instance_.function<PFN_xrGetVulkanGraphicsDeviceKHR>("xrGetVulkanGraphicsDeviceKHR");
        XR_CHECK(get(instance_.handle(), system_, vulkan, &device));
    }
    return device;
}

VkDevice OpenXrVulkanCreator::createDevice(VkPhysicalDevice physicalDevice, const VkDeviceCreateInfo& info) {
    VkDevice device = VK_NULL_HANDLE;
    if (instance_.vulkanEnable2()) {
        auto create = instance_.function<PFN_xrCreateVulkanDeviceKHR>("xrCreateVulkanDeviceKHR");
        auto xrInfo = xrStruct<XrVulkanDeviceCreateInfoKHR>(XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR);
        xrInfo.systemId = system_;
        xrInfo.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
        xrInfo.vulkanPhysicalDevice = physicalDevice;
        xrInfo.vulkanCreateInfo = &info;
        VkResult vulkanResult = VK_SUCCESS;
        XR_CHECK(create(instance_.handle(), &xrInfo, &device, &vulkanResult));
        VK_CHECK(vulkanResult);
        return device;
    }
    const std::vector<std::string> extra = legacyExtensions("xrGetVulkanDeviceExtensionsKHR");
    const auto names = withExtensions(info.ppEnabledExtensionNames, info.enabledExtensionCount, extra);
    VkDeviceCreateInfo extended = info;
    extended.enabledExtensionCount = static_cast<std::uint32_t>(names.size());
    extended.ppEnabledExtensionNames = names.data();
    VK_CHECK(vkCreateDevice(physicalDevice, &extended, nullptr, &device));
    return device;
}

} // namespace usine::display::openxr
