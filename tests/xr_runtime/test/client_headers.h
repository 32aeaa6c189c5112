// OpenXR for the test client: the application side, calling the Khronos loader (the
// runtime's own sources use ../xr_headers.h, which hides the loader's prototypes).
#pragma once

#include <vulkan/vulkan.h>
#define XR_USE_GRAPHICS_API_VULKAN
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

namespace usine::test_runtime::client {

// A zeroed OpenXR struct with its type tag set.
template <typename T> T xrStruct(XrStructureType type) {
    T value{};
    value.type = type;
    return value;
}

} // namespace usine::test_runtime::client
