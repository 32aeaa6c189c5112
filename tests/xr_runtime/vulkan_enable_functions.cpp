// XR_KHR_vulkan_enable2 and XR_KHR_vulkan_enable: the Vulkan versions the runtime
// accepts, the instance and device it creates for the application (exactly as asked:
// the runtime needs no Vulkan extension of its own), and which physical device to use.
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"

namespace usine::test_runtime {
namespace {

XrResult findVulkanSystem(XrInstance handle, XrSystemId system, const char* function, Instance*& instance) {
    if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
    if (!isKnownSystem(*instance, system))
        return misuse(XR_ERROR_SYSTEM_INVALID, std::string(function) + ": system id not given by xrGetSystem");
    return XR_SUCCESS;
}

// The application's vkGetInstanceProcAddr when it gave one (enable2), else the loader's.
PFN_vkGetInstanceProcAddr instanceProcAddr(const Instance& instance) {
    return instance.vulkan.getInstanceProcAddr ? instance.vulkan.getInstanceProcAddr : &vkGetInstanceProcAddr;
}

XrResult graphicsRequirements(XrInstance handle, XrSystemId system, XrGraphicsRequirementsVulkanKHR* requirements,
                              const char* function) {
    Instance* instance = nullptr;
    if (const XrResult result = findVulkanSystem(handle, system, function, instance); XR_FAILED(result)) return result;
    if (!hasType(requirements, XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN_KHR))
        return misuse(XR_ERROR_VALIDATION_FAILURE, std::string(function) + ": bad requirements struct");
    requirements->minApiVersionSupported = XR_MAKE_VERSION(1, 0, 0);
    requirements->maxApiVersionSupported = XR_MAKE_VERSION(1, 3, 0);
    instance->graphicsRequirementsQueried = true;
    return XR_SUCCESS;
}

XrResult firstPhysicalDevice(Instance& instance, VkInstance vulkanInstance, VkPhysicalDevice* out,
                             const char* function) {
    if (!vulkanInstance || !out)
        return misuse(XR_ERROR_VALIDATION_FAILURE, std::string(function) + ": null Vulkan instance or output");
    const PFN_vkGetInstanceProcAddr getProc = instanceProcAddr(instance);
    auto enumerate = reinterpret_cast<PFN_vkEnumeratePhysicalDevices>(getProc(vulkanInstance, "vkEnumeratePhysicalDevices"));
    if (!enumerate) return XR_ERROR_RUNTIME_FAILURE;
    std::uint32_t count = 0;
    if (enumerate(vulkanInstance, &count, nullptr) != VK_SUCCESS || count == 0) return XR_ERROR_RUNTIME_FAILURE;
    std::vector<VkPhysicalDevice> devices(count);
    const VkResult listed = enumerate(vulkanInstance, &count, devices.data());
    if (listed != VK_SUCCESS && listed != VK_INCOMPLETE) return XR_ERROR_RUNTIME_FAILURE;
    instance.vulkan.instance = vulkanInstance;
    instance.vulkan.physicalDevice = devices.front();
    *out = devices.front();
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetVulkanGraphicsRequirements2KHR(XrInstance handle, XrSystemId system,
                                                                   XrGraphicsRequirementsVulkanKHR* requirements) {
    return guarded("xrGetVulkanGraphicsRequirements2KHR", [&] {
        return graphicsRequirements(handle, system, requirements, "xrGetVulkanGraphicsRequirements2KHR");
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetVulkanGraphicsRequirementsKHR(XrInstance handle, XrSystemId system,
                                                                  XrGraphicsRequirementsVulkanKHR* requirements) {
    return guarded("xrGetVulkanGraphicsRequirementsKHR", [&] {
        return graphicsRequirements(handle, system, requirements, "xrGetVulkanGraphicsRequirementsKHR");
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateVulkanInstanceKHR(XrInstance handle, const XrVulkanInstanceCreateInfoKHR* info,
                                                         VkInstance* vulkanInstance, VkResult* vulkanResult) {
    return guarded("xrCreateVulkanInstanceKHR", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR) || !info->pfnGetInstanceProcAddr ||
            !info->vulkanCreateInfo || !vulkanInstance || !vulkanResult)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateVulkanInstanceKHR: bad create info");
        if (!isKnownSystem(*instance, info->systemId))
            return misuse(XR_ERROR_SYSTEM_INVALID, "xrCreateVulkanInstanceKHR: system id not given by xrGetSystem");
        auto create = reinterpret_cast<PFN_vkCreateInstance>(info->pfnGetInstanceProcAddr(nullptr, "vkCreateInstance"));
        if (!create) return XR_ERROR_RUNTIME_FAILURE;
        // The Vulkan result is the application's to judge; the OpenXR call itself worked.
        *vulkanResult = create(info->vulkanCreateInfo, info->vulkanAllocator, vulkanInstance);
        if (*vulkanResult == VK_SUCCESS) {
            instance->vulkan.getInstanceProcAddr = info->pfnGetInstanceProcAddr;
            instance->vulkan.instance = *vulkanInstance;
        }
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetVulkanGraphicsDevice2KHR(XrInstance handle,
                                                             const XrVulkanGraphicsDeviceGetInfoKHR* info,
                                                             VkPhysicalDevice* physicalDevice) {
    return guarded("xrGetVulkanGraphicsDevice2KHR", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetVulkanGraphicsDevice2KHR: bad get info");
        if (!isKnownSystem(*instance, info->systemId))
            return misuse(XR_ERROR_SYSTEM_INVALID, "xrGetVulkanGraphicsDevice2KHR: system id not given by xrGetSystem");
        return firstPhysicalDevice(*instance, info->vulkanInstance, physicalDevice, "xrGetVulkanGraphicsDevice2KHR");
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateVulkanDeviceKHR(XrInstance handle, const XrVulkanDeviceCreateInfoKHR* info,
                                                       VkDevice* device, VkResult* vulkanResult) {
    return guarded("xrCreateVulkanDeviceKHR", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR) || !info->pfnGetInstanceProcAddr ||
            !info->vulkanCreateInfo || !info->vulkanPhysicalDevice || !device || !vulkanResult)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateVulkanDeviceKHR: bad create info");
        if (!isKnownSystem(*instance, info->systemId))
            return misuse(XR_ERROR_SYSTEM_INVALID, "xrCreateVulkanDeviceKHR: system id not given by xrGetSystem");
        if (!instance->vulkan.instance || info->vulkanPhysicalDevice != instance->vulkan.physicalDevice)
            return misuse(XR_ERROR_VALIDATION_FAILURE,
                          "xrCreateVulkanDeviceKHR: physical device not the one xrGetVulkanGraphicsDevice2KHR named");
        auto create = reinterpret_cast<PFN_vkCreateDevice>(
            info->pfnGetInstanceProcAddr(instance->vulkan.instance, "vkCreateDevice"));
        if (!create) return XR_ERROR_RUNTIME_FAILURE;
        *vulkanResult = create(info->vulkanPhysicalDevice, info->vulkanCreateInfo, info->vulkanAllocator, device);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetVulkanGraphicsDeviceKHR(XrInstance handle, XrSystemId system,
                                                            VkInstance vulkanInstance, VkPhysicalDevice* physicalDevice) {
    return guarded("xrGetVulkanGraphicsDeviceKHR", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findVulkanSystem(handle, system, "xrGetVulkanGraphicsDeviceKHR", instance);
            XR_FAILED(result))
            return result;
        return firstPhysicalDevice(*instance, vulkanInstance, physicalDevice, "xrGetVulkanGraphicsDeviceKHR");
    });
}

// The runtime needs no Vulkan extension: both lists are empty strings.
XrResult noExtensions(XrInstance handle, XrSystemId system, std::uint32_t capacity, std::uint32_t* countOutput,
                      char* buffer, const char* function) {
    Instance* instance = nullptr;
    if (const XrResult result = findVulkanSystem(handle, system, function, instance); XR_FAILED(result)) return result;
    return writeString(capacity, countOutput, buffer, "");
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetVulkanInstanceExtensionsKHR(XrInstance handle, XrSystemId system,
                                                                std::uint32_t capacity, std::uint32_t* countOutput,
                                                                char* buffer) {
    return guarded("xrGetVulkanInstanceExtensionsKHR", [&] {
        return noExtensions(handle, system, capacity, countOutput, buffer, "xrGetVulkanInstanceExtensionsKHR");
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetVulkanDeviceExtensionsKHR(XrInstance handle, XrSystemId system,
                                                              std::uint32_t capacity, std::uint32_t* countOutput,
                                                              char* buffer) {
    return guarded("xrGetVulkanDeviceExtensionsKHR", [&] {
        return noExtensions(handle, system, capacity, countOutput, buffer, "xrGetVulkanDeviceExtensionsKHR");
    });
}

} // namespace

std::vector<RuntimeFunction> vulkanFunctions() {
    return {
        {"xrGetVulkanGraphicsRequirements2KHR", asVoidFunction(&xrGetVulkanGraphicsRequirements2KHR), Needs::VulkanEnable2},
        {"xrCreateVulkanInstanceKHR", asVoidFunction(&xrCreateVulkanInstanceKHR), Needs::VulkanEnable2},
        {"xrCreateVulkanDeviceKHR", asVoidFunction(&xrCreateVulkanDeviceKHR), Needs::VulkanEnable2},
        {"xrGetVulkanGraphicsDevice2KHR", asVoidFunction(&xrGetVulkanGraphicsDevice2KHR), Needs::VulkanEnable2},
        {"xrGetVulkanGraphicsRequirementsKHR", asVoidFunction(&xrGetVulkanGraphicsRequirementsKHR), Needs::VulkanEnable},
        {"xrGetVulkanGraphicsDeviceKHR", asVoidFunction(&xrGetVulkanGraphicsDeviceKHR), Needs::VulkanEnable},
        {"xrGetVulkanInstanceExtensionsKHR", asVoidFunction(&xrGetVulkanInstanceExtensionsKHR), Needs::VulkanEnable},
        {"xrGetVulkanDeviceExtensionsKHR", asVoidFunction(&xrGetVulkanDeviceExtensionsKHR), Needs::VulkanEnable},
    };
}

} // namespace usine::test_runtime
