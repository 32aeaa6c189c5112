// The OpenXR instance: the runtime we talk to (SteamVR, Monado, the test runtime...),
// its extensions, the headset system, and the validation messages of the OpenXR core
// validation layer (counted like Vulkan's). Creating one is how we learn whether a
// runtime answers at all.
#pragma once

#include "display/openxr/openxr_headers.h"
#include "display/openxr/xr_owned.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace usine::display::openxr {

// No runtime answered, or it refused: a reason in plain words, for the display choice.
// `worthWaiting`: the runtime or headset may still come (not started yet, refusing while
// it starts, headset switched off); false for what waiting cannot fix (no Vulkan).
class XrUnavailable : public std::runtime_error {
public:
    explicit XrUnavailable(const std::string& reason, bool worthWaiting = true)
        : std::runtime_error(reason), worthWaiting_(worthWaiting) {}
    bool worthWaiting() const { return worthWaiting_; }

private:
    bool worthWaiting_;
};

class OpenXrInstance {
public:
    // Throws XrUnavailable when no runtime answers or it lacks Vulkan support.
    explicit OpenXrInstance(bool validation);
    ~OpenXrInstance();
    OpenXrInstance(const OpenXrInstance&) = delete;
    OpenXrInstance& operator=(const OpenXrInstance&) = delete;

    XrInstance handle() const { return instance_.get(); }
    const std::string& runtimeName() const { return runtimeName_; }
    bool vulkanEnable2() const { return vulkanEnable2_; }
    bool depthLayers() const { return depthLayers_; }
    // Whether the core validation layer was asked for and found.
    bool validationLayerLoaded() const { return !validationLog_.empty(); }

    // Looks for the headset until it appears, `patience` runs out or `giveUp` says so;
    // `waiting` is called once a second meanwhile (to tell the user). Returns the system.
    std::optional<XrSystemId> findHeadset(std::chrono::milliseconds patience, const std::function<bool()>& giveUp,
                                          const std::function<void(int seconds)>& waiting);
    std::string systemName(XrSystemId system) const;
    // How many composition layers a frame may have (at least 16 by the specification).
    std::uint32_t maxLayerCount(XrSystemId system) const;

    // Warnings and errors of the core validation layer (empty without validation), from
    // its messenger calls and from its log file since this instance was created.
    std::vector<std::string> validationMessages() const;

    // An instance-level function the loader exposes only through xrGetInstanceProcAddr.
    template <typename F>
    F function(const char* name) const {
        PFN_xrVoidFunction pointer = nullptr;
        if (XR_FAILED(xrGetInstanceProcAddr(instance_.get(), name, &pointer)) || !pointer) return nullptr;
        return reinterpret_cast<F>(pointer);
    }

private:
    static XRAPI_ATTR XrBool32 XRAPI_CALL onMessage(XrDebugUtilsMessageSeverityFlagsEXT severity,
                                                    XrDebugUtilsMessageTypeFlagsEXT types,
                                                    const XrDebugUtilsMessengerCallbackDataEXT* data, void* self);

    // The messenger, an extension's object, has its destroy function looked up at run time.
    struct Messenger {
        XrDebugUtilsMessengerEXT handle = XR_NULL_HANDLE;
        PFN_xrDestroyDebugUtilsMessengerEXT destroy = nullptr;
        Messenger() = default;
        Messenger(const Messenger&) = delete;
        Messenger& operator=(const Messenger&) = delete;
        ~Messenger() {
            if (handle && destroy) destroy(handle);
        }
    };

    OwnedXrInstance instance_; // declared first: destroyed last, after its children
    Messenger messenger_;
    // The core validation layer (1.0.20) writes its findings to a text file rather than
    // to debug-utils messengers: where that file is, and how long it was at our start.
    std::string validationLog_;
    std::uintmax_t validationLogStart_ = 0;
    std::string runtimeName_;
    bool vulkanEnable2_ = false;
    bool depthLayers_ = false;
    mutable std::mutex messagesMutex_;
    std::vector<std::string> messages_;
};

} // namespace usine::display::openxr
