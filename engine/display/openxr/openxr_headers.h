// The one place that includes OpenXR with its Vulkan platform parts. Only files in
// engine/display/openxr include it: the renderer and the experience never see OpenXR.
#pragma once

#include <vulkan/vulkan.h>
#define XR_USE_GRAPHICS_API_VULKAN
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>
