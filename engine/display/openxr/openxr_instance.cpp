// OpenXR instance creation, headset discovery and validation messages.
#include "display/openxr/openxr_instance.h"

#include "core/environment.h"
#include "core/log.h"
#include "core/text.h"
#include "display/openxr/xr_check.h"
#include "display/openxr/xr_struct.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <cstring>
#include <thread>

namespace usine::display::openxr {
namespace {

constexpr const char* kCoreValidationLayer = "XR_APILAYER_LUNARG_core_validation";

// The layer reads these once per process, when it first starts: a file of our own, unless
// the user chose one. Ours is removed when the process exits, not before: the layer keeps
// writing to it for every instance of the process.
std::string coreValidationLogFile() {
    if (const char* chosen = std::getenv("XR_CORE_VALIDATION_FILE_NAME")) return chosen;
    static const std::string path = concat("/tmp/usine-openxr-validation-", ::getpid(), ".txt");
    ::setenv("XR_CORE_VALIDATION_EXPORT_TYPE", "text", 1);
    ::setenv("XR_CORE_VALIDATION_FILE_NAME", path.c_str(), 1);
    std::atexit([] { ::unlink(path.c_str()); });
    return path;
}

std::uintmax_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

std::vector<std::string> availableExtensions() {
    std::uint32_t count = 0;
    if (XR_FAILED(xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr))) return {};
    std::vector<XrExtensionProperties> properties(count, xrStruct<XrExtensionProperties>(XR_TYPE_EXTENSION_PROPERTIES));
    if (XR_FAILED(xrEnumerateInstanceExtensionProperties(nullptr, count, &count, properties.data()))) return {};
    std::vector<std::string> names;
    for (const auto& p : properties) names.emplace_back(p.extensionName);
    return names;
}

bool layerAvailable(const char* name) {
    std::uint32_t count = 0;
    if (XR_FAILED(xrEnumerateApiLayerProperties(0, &count, nullptr))) return false;
    std::vector<XrApiLayerProperties> layers(count, xrStruct<XrApiLayerProperties>(XR_TYPE_API_LAYER_PROPERTIES));
    if (XR_FAILED(xrEnumerateApiLayerProperties(count, &count, layers.data()))) return false;
    return std::any_of(layers.begin(), layers.end(), [&](const auto& l) { return std::strcmp(l.layerName, name) == 0; });
}

std::string unavailableReason(XrResult result) {
    switch (result) {
    case XR_ERROR_RUNTIME_UNAVAILABLE:
        return "no OpenXR runtime is installed or active (start SteamVR or Monado, or set XR_RUNTIME_JSON)";
    case XR_ERROR_RUNTIME_FAILURE: return "the OpenXR runtime failed to start (XR_ERROR_RUNTIME_FAILURE)";
    default: return concat("the OpenXR runtime refused to start (", resultName(result), ")");
    }
}

} // namespace

OpenXrInstance::OpenXrInstance(bool validation) {
    const std::vector<std::string> available = availableExtensions();
    if (available.empty()) throw XrUnavailable(unavailableReason(XR_ERROR_RUNTIME_UNAVAILABLE));
    auto has = [&](const char* name) { return std::find(available.begin(), available.end(), name) != available.end(); };

    std::vector<const char*> extensions;
    if (has(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME)) {
        extensions.push_back(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME);
        vulkanEnable2_ = true;
    } else if (has(XR_KHR_VULKAN_ENABLE_EXTENSION_NAME)) {
        extensions.push_back(XR_KHR_VULKAN_ENABLE_EXTENSION_NAME);
    } else {
        throw XrUnavailable("the OpenXR runtime does not support Vulkan (no XR_KHR_vulkan_enable2 or _enable)", false);
    }
    if (has(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME)) {
        extensions.push_back(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
        depthLayers_ = true;
    }
    const bool debugUtils = validation && has(XR_EXT_DEBUG_UTILS_EXTENSION_NAME);
    if (debugUtils) extensions.push_back(XR_EXT_DEBUG_UTILS_EXTENSION_NAME);
    std::vector<const char*> layers;
    if (validation) {
        if (layerAvailable(kCoreValidationLayer)) {
            // Asked for once: the loader refuses a layer named both in
            // XR_ENABLE_API_LAYERS (a common habit) and by the application
            // (XR_ERROR_API_LAYER_NOT_PRESENT).
            if (!environmentListHas("XR_ENABLE_API_LAYERS", kCoreValidationLayer)) layers.push_back(kCoreValidationLayer);
            validationLog_ = coreValidationLogFile();
            validationLogStart_ = fileSize(validationLog_);
        } else
            log::warning(concat("OpenXR validation asked for but ", kCoreValidationLayer,
                                " is missing (package openxr-layer-corevalidation)"));
    }

    auto info = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
    copyName(info.applicationInfo.applicationName, "Usine Ouverte");
    info.applicationInfo.applicationVersion = 1;
    copyName(info.applicationInfo.engineName, "usine");
    info.applicationInfo.engineVersion = 1;
    info.applicationInfo.apiVersion = XR_CURRENT_API_VERSION;
    info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
    info.enabledExtensionNames = extensions.data();
    info.enabledApiLayerCount = static_cast<std::uint32_t>(layers.size());
    info.enabledApiLayerNames = layers.data();
    const XrResult result = xrCreateInstance(&info, instance_.put());
    if (XR_FAILED(result)) {
        // A runtime not started yet, or failing while it starts, may come; one that wants
        // another API version or lacks what we asked for will not.
        const bool worthWaiting = result == XR_ERROR_RUNTIME_UNAVAILABLE || result == XR_ERROR_RUNTIME_FAILURE ||
                                  result == XR_ERROR_INITIALIZATION_FAILED;
        throw XrUnavailable(unavailableReason(result), worthWaiting);
    }

    auto properties = xrStruct<XrInstanceProperties>(XR_TYPE_INSTANCE_PROPERTIES);
    if (XR_SUCCEEDED(xrGetInstanceProperties(instance_.get(), &properties)))
        runtimeName_ = concat(properties.runtimeName, " ", XR_VERSION_MAJOR(properties.runtimeVersion), ".",
                              XR_VERSION_MINOR(properties.runtimeVersion), ".",
                              XR_VERSION_PATCH(properties.runtimeVersion));

    if (debugUtils) {
        auto create = function<PFN_xrCreateDebugUtilsMessengerEXT>("xrCreateDebugUtilsMessengerEXT");
        auto messengerInfo =
            xrStruct<XrDebugUtilsMessengerCreateInfoEXT>(XR_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT);
        messengerInfo.messageSeverities =
            XR_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
        messengerInfo.messageTypes = XR_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                                     XR_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                                     XR_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT |
                                     XR_DEBUG_UTILS_MESSAGE_TYPE_CONFORMANCE_BIT_EXT;
        messengerInfo.userCallback = &OpenXrInstance::onMessage;
        messengerInfo.userData = this;
        messenger_.destroy = function<PFN_xrDestroyDebugUtilsMessengerEXT>("xrDestroyDebugUtilsMessengerEXT");
        if (create && messenger_.destroy) XR_CHECK(create(instance_.get(), &messengerInfo, &messenger_.handle));
    }
}

OpenXrInstance::~OpenXrInstance() = default; // the messenger, then the instance

XRAPI_ATTR XrBool32 XRAPI_CALL OpenXrInstance::onMessage(XrDebugUtilsMessageSeverityFlagsEXT severity,
                                                         XrDebugUtilsMessageTypeFlagsEXT,
                                                         const XrDebugUtilsMessengerCallbackDataEXT* data, void* self) {
    const bool error = severity & XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    const std::string line = concat("OpenXR validation ", error ? "error" : "warning", ": ",
                                    data && data->functionName ? data->functionName : "", ": ",
                                    data && data->message ? data->message : "(empty)");
    log::write(error ? log::Level::Error : log::Level::Warning, line);
    auto* instance = static_cast<OpenXrInstance*>(self);
    std::lock_guard lock(instance->messagesMutex_);
    instance->messages_.push_back(line);
    return XR_FALSE;
}

std::vector<std::string> OpenXrInstance::validationMessages() const {
    std::vector<std::string> messages;
    {
        std::lock_guard lock(messagesMutex_);
        messages = messages_;
    }
    if (validationLog_.empty()) return messages;
    std::ifstream log(validationLog_);
    log.seekg(static_cast<std::streamoff>(validationLogStart_));
    for (std::string line; std::getline(log, line);)
        if (line.rfind("[VALID_ERROR", 0) == 0 || line.rfind("[VALID_WARNING", 0) == 0)
            messages.push_back(concat("OpenXR validation: ", line));
    return messages;
}

std::optional<XrSystemId> OpenXrInstance::findHeadset(std::chrono::milliseconds patience,
                                                       const std::function<bool()>& giveUp,
                                                       const std::function<void(int seconds)>& waiting) {
    auto info = xrStruct<XrSystemGetInfo>(XR_TYPE_SYSTEM_GET_INFO);
    info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
    const auto start = std::chrono::steady_clock::now();
    int secondsReported = 0;
    while (true) {
        XrSystemId system = XR_NULL_SYSTEM_ID;
        const XrResult result = xrGetSystem(instance_.get(), &info, &system);
        if (XR_SUCCEEDED(result)) return system;
        // A headset not plugged in or asleep is FORM_FACTOR_UNAVAILABLE: worth waiting for.
        if (result != XR_ERROR_FORM_FACTOR_UNAVAILABLE) XR_CHECK(result);
        const auto waited = std::chrono::steady_clock::now() - start;
        if (waited >= patience || (giveUp && giveUp())) return std::nullopt;
        const int seconds = static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(waited).count());
        if (seconds > secondsReported) {
            secondsReported = seconds;
            if (waiting) waiting(seconds);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

std::string OpenXrInstance::systemName(XrSystemId system) const {
    auto properties = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES);
    if (XR_FAILED(xrGetSystemProperties(instance_.get(), system, &properties))) return "headset";
    return properties.systemName;
}

std::uint32_t OpenXrInstance::maxLayerCount(XrSystemId system) const {
    auto properties = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES);
    if (XR_FAILED(xrGetSystemProperties(instance_.get(), system, &properties))) return 1;
    return properties.graphicsProperties.maxLayerCount;
}

} // namespace usine::display::openxr
