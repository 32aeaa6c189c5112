// Names for VkResult codes and the VK_CHECK failure path.
#include "gpu/vulkan_check.h"

#include "core/error.h"
#include "core/text.h"

namespace usine::gpu {

const char* resultName(VkResult result) {
    switch (result) {
#define USINE_RESULT_CASE(name) \
    case name: return #name;
        USINE_RESULT_CASE(VK_SUCCESS)
        USINE_RESULT_CASE(VK_NOT_READY)
        USINE_RESULT_CASE(VK_TIMEOUT)
        USINE_RESULT_CASE(VK_EVENT_SET)
        USINE_RESULT_CASE(VK_EVENT_RESET)
        USINE_RESULT_CASE(VK_INCOMPLETE)
        USINE_RESULT_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
        USINE_RESULT_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        USINE_RESULT_CASE(VK_ERROR_INITIALIZATION_FAILED)
        USINE_RESULT_CASE(VK_ERROR_DEVICE_LOST)
        USINE_RESULT_CASE(VK_ERROR_MEMORY_MAP_FAILED)
        USINE_RESULT_CASE(VK_ERROR_LAYER_NOT_PRESENT)
        USINE_RESULT_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
        USINE_RESULT_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
        USINE_RESULT_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
        USINE_RESULT_CASE(VK_ERROR_TOO_MANY_OBJECTS)
        USINE_RESULT_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
        USINE_RESULT_CASE(VK_ERROR_FRAGMENTED_POOL)
        USINE_RESULT_CASE(VK_ERROR_UNKNOWN)
        USINE_RESULT_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
        USINE_RESULT_CASE(VK_ERROR_INVALID_EXTERNAL_HANDLE)
        USINE_RESULT_CASE(VK_ERROR_FRAGMENTATION)
        USINE_RESULT_CASE(VK_ERROR_INVALID_OPAQUE_CAPTURE_ADDRESS)
        USINE_RESULT_CASE(VK_PIPELINE_COMPILE_REQUIRED)
        USINE_RESULT_CASE(VK_ERROR_SURFACE_LOST_KHR)
        USINE_RESULT_CASE(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
        USINE_RESULT_CASE(VK_SUBOPTIMAL_KHR)
        USINE_RESULT_CASE(VK_ERROR_OUT_OF_DATE_KHR)
        USINE_RESULT_CASE(VK_ERROR_VALIDATION_FAILED_EXT)
#undef USINE_RESULT_CASE
    default: return "unknown VkResult";
    }
}

void throwVulkanFailure(VkResult result, const char* expression, const char* file, int line) {
    throw SystemError(concat("Vulkan call failed with ", resultName(result), " (", static_cast<int>(result),
                             "): ", expression, " at ", file, ":", line));
}

} // namespace usine::gpu
