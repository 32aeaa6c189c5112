// Collects what the Vulkan validation layer reports. Every warning or error is logged
// and counted: tests fail on a non-zero count, and the program prints the count.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace usine::gpu {

class ValidationMessages {
public:
    std::size_t count() const;
    std::vector<std::string> messages() const;
    void clear();

    // Fills a messenger create-info that reports warnings and errors into `this`.
    VkDebugUtilsMessengerCreateInfoEXT messengerInfo();

private:
    static VKAPI_ATTR VkBool32 VKAPI_CALL onMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                    VkDebugUtilsMessageTypeFlagsEXT types,
                                                    const VkDebugUtilsMessengerCallbackDataEXT* data,
                                                    void* self);
    void record(VkDebugUtilsMessageSeverityFlagBitsEXT severity, const char* message);

    mutable std::mutex mutex_;
    std::vector<std::string> messages_;
};

} // namespace usine::gpu
