// The runtime's functions by name, for xrGetInstanceProcAddr. Each group of entry
// points (one file each) lists its own; an extension's functions are only handed out to
// instances that enabled the extension.
#pragma once

#include "xr_headers.h"

#include <vector>

namespace usine::test_runtime {

enum class Needs { Core, VulkanEnable, VulkanEnable2 };

struct RuntimeFunction {
    const char* name;
    PFN_xrVoidFunction function;
    Needs needs = Needs::Core;
};

template <typename F> PFN_xrVoidFunction asVoidFunction(F function) {
    return reinterpret_cast<PFN_xrVoidFunction>(function);
}

std::vector<RuntimeFunction> instanceFunctions();    // instance_functions.cpp
std::vector<RuntimeFunction> systemFunctions();      // system_functions.cpp
std::vector<RuntimeFunction> vulkanFunctions();      // vulkan_enable_functions.cpp
std::vector<RuntimeFunction> sessionFunctions();     // session_functions.cpp
std::vector<RuntimeFunction> frameFunctions();       // frame_functions.cpp
std::vector<RuntimeFunction> spaceFunctions();       // space_functions.cpp
std::vector<RuntimeFunction> swapchainFunctions();   // swapchain_functions.cpp
std::vector<RuntimeFunction> actionFunctions();      // action_functions.cpp
std::vector<RuntimeFunction> actionStateFunctions(); // action_state_functions.cpp

} // namespace usine::test_runtime
