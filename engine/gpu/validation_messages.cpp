// Validation layer messages: logged, counted, kept for tests to inspect.
#include "gpu/validation_messages.h"
#include "gpu/vulkan_struct.h"

#include "core/log.h"
#include "core/text.h"

#include <cstring>

namespace usine::gpu {

std::size_t ValidationMessages::count() const {
    std::lock_guard lock(mutex_);
    return messages_.size();
}

std::vector<std::string> ValidationMessages::messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
}

void ValidationMessages::clear() {
    std::lock_guard lock(mutex_);
    messages_.clear();
}

VkDebugUtilsMessengerCreateInfoEXT ValidationMessages::messengerInfo() {
    auto info = vkStruct<VkDebugUtilsMessengerCreateInfoEXT>(VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT);
    info.messageSeverity =
        VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    info.pfnUserCallback = &ValidationMessages::onMessage;
    info.pUserData = this;
    return info;
}

VKAPI_ATTR VkBool32 VKAPI_CALL ValidationMessages::onMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                             VkDebugUtilsMessageTypeFlagsEXT,
                                                             const VkDebugUtilsMessengerCallbackDataEXT* data,
                                                             void* self) {
    // The loader's own warnings say how the environment set it up (VK_INSTANCE_LAYERS
    // adding the validation layer a user also asked for with USINE_VALIDATION): worth a
    // line, not a validation finding. Its errors still count.
    const bool loaderWarning = data && data->pMessageIdName && std::strcmp(data->pMessageIdName, "Loader Message") == 0 &&
                               !(severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT);
    if (loaderWarning) {
        log::info(concat("Vulkan loader: ", data->pMessage ? data->pMessage : "(empty)"));
        return VK_FALSE;
    }
    static_cast<ValidationMessages*>(self)->record(severity, data && data->pMessage ? data->pMessage : "(empty)");
    return VK_FALSE; // never abort the call: we want to see what the driver does next
}

void ValidationMessages::record(VkDebugUtilsMessageSeverityFlagBitsEXT severity, const char* message) {
    const bool isError = severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    std::string line = concat("Vulkan validation ", isError ? "error" : "warning", ": ", message);
    log::write(isError ? log::Level::Error : log::Level::Warning, line);
    std::lock_guard lock(mutex_);
    messages_.push_back(std::move(line));
}

} // namespace usine::gpu
