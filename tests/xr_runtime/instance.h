// An XrInstance of the test runtime: its extensions, paths, event queue, what the
// Vulkan extension calls taught it, the application's suggested bindings, and the
// sessions and action sets it owns.
#pragma once

#include "event_queue.h"
#include "path_table.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace usine::test_runtime {

struct Session;
struct ActionSet;

// A lost instance or session answers XR_ERROR_INSTANCE_LOST / XR_ERROR_SESSION_LOST;
// "pending" is the frame between the loss event and the loss.
enum class Loss { None, Pending, Lost };

struct VulkanBootstrap {
    PFN_vkGetInstanceProcAddr getInstanceProcAddr = nullptr; // the application's, with enable2
    VkInstance instance = VK_NULL_HANDLE;
    VkPhysicalDevice physicalDevice = VK_NULL_HANDLE; // the one the runtime named
};

struct SuggestedBinding {
    std::uint64_t actionId = 0;
    std::string path; // "/user/hand/right/input/trigger/value"
};

struct Instance {
    std::uint64_t id = 0; // the XrInstance handle value
    bool vulkanEnable = false;
    bool vulkanEnable2 = false;
    bool depthLayers = false;
    PathTable paths;
    EventQueue events;
    bool systemFound = false; // xrGetSystem answered: the system id is valid
    bool graphicsRequirementsQueried = false;
    Loss loss = Loss::None;
    VulkanBootstrap vulkan;
    std::map<std::string, std::vector<SuggestedBinding>> suggestedBindings; // by profile path
    std::vector<Session*> sessions;
    std::vector<ActionSet*> actionSets;
};

constexpr XrSystemId kSystemId = 1;

} // namespace usine::test_runtime

namespace usine::test_runtime {

// A system id is valid once xrGetSystem has answered it on this instance.
inline bool isKnownSystem(const Instance& instance, XrSystemId system) {
    return system == kSystemId && instance.systemFound;
}

} // namespace usine::test_runtime
