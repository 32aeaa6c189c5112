// The one include for OpenXR in the test runtime, with the Vulkan platform parts
// (XR_KHR_vulkan_enable, XR_KHR_vulkan_enable2) switched on. XR_NO_PROTOTYPES: the
// runtime implements these functions itself and must never reach the loader's.
#pragma once

#include <vulkan/vulkan.h>
#define XR_NO_PROTOTYPES
#define XR_USE_GRAPHICS_API_VULKAN
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>
