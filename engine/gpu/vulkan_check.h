// VK_CHECK: every VkResult is checked; a failure throws SystemError naming the call,
// the result and file:line (as hello_xr's check.h does for OpenXR).
#pragma once

#include <vulkan/vulkan.h>

namespace usine::gpu {

const char* resultName(VkResult result);
[[noreturn]] void throwVulkanFailure(VkResult result, const char* expression, const char* file, int line);

} // namespace usine::gpu

#define VK_CHECK(expression)                                                                   \
    do {                                                                                       \
        const VkResult vkCheckResult_ = (expression);                                          \
        if (vkCheckResult_ != VK_SUCCESS)                                                      \
            ::usine::gpu::throwVulkanFailure(vkCheckResult_, #expression, __FILE__, __LINE__); \
    } while (false)
