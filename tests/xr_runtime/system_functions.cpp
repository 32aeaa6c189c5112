// The simulated headset as a system: xrGetSystem (with the no-headset fault), its
// properties, its one view configuration (stereo, sizes from the script) and its
// opaque display.
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"
#include "xr_struct.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

constexpr std::uint32_t kMaxSwapchainSide = 8192;
constexpr std::uint32_t kMaxLayers = 16;

XrResult findSystem(XrInstance handle, XrSystemId system, const char* function, Instance*& instance) {
    if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
    if (!isKnownSystem(*instance, system))
        return misuse(XR_ERROR_SYSTEM_INVALID, std::string(function) + ": system id not given by xrGetSystem");
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetSystem(XrInstance handle, const XrSystemGetInfo* info, XrSystemId* system) {
    return guarded("xrGetSystem", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_SYSTEM_GET_INFO) || !system)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetSystem: bad get info");
        if (info->formFactor == XR_FORM_FACTOR_HANDHELD_DISPLAY) return XR_ERROR_FORM_FACTOR_UNSUPPORTED;
        if (info->formFactor != XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetSystem: unknown form factor");
        TestRun& run = currentRun();
        // The headset "is switched on" a number of seconds after it was first asked for.
        const auto now = std::chrono::steady_clock::now();
        if (!run.firstSystemQuery) run.firstSystemQuery = now;
        const double waited = std::chrono::duration<double>(now - *run.firstSystemQuery).count();
        if (waited < run.script.faults.noHeadsetSeconds) return XR_ERROR_FORM_FACTOR_UNAVAILABLE;
        instance->systemFound = true;
        *system = kSystemId;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetSystemProperties(XrInstance handle, XrSystemId systemId,
                                                     XrSystemProperties* properties) {
    return guarded("xrGetSystemProperties", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findSystem(handle, systemId, "xrGetSystemProperties", instance); XR_FAILED(result))
            return result;
        if (!hasType(properties, XR_TYPE_SYSTEM_PROPERTIES))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetSystemProperties: bad properties struct");
        properties->systemId = kSystemId;
        properties->vendorId = 0x5553; // "US"
        copyText(properties->systemName, "Usine test headset");
        properties->graphicsProperties.maxSwapchainImageWidth = kMaxSwapchainSide;
        properties->graphicsProperties.maxSwapchainImageHeight = kMaxSwapchainSide;
        properties->graphicsProperties.maxLayerCount = currentRun().script.maxLayers;
        properties->trackingProperties.orientationTracking = XR_TRUE;
        properties->trackingProperties.positionTracking = XR_TRUE;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateViewConfigurations(XrInstance handle, XrSystemId systemId,
                                                             std::uint32_t capacity, std::uint32_t* countOutput,
                                                             XrViewConfigurationType* types) {
    return guarded("xrEnumerateViewConfigurations", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findSystem(handle, systemId, "xrEnumerateViewConfigurations", instance);
            XR_FAILED(result))
            return result;
        return writeArray(capacity, countOutput, types, {XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO});
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetViewConfigurationProperties(XrInstance handle, XrSystemId systemId,
                                                                XrViewConfigurationType type,
                                                                XrViewConfigurationProperties* properties) {
    return guarded("xrGetViewConfigurationProperties", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findSystem(handle, systemId, "xrGetViewConfigurationProperties", instance);
            XR_FAILED(result))
            return result;
        if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
        if (!hasType(properties, XR_TYPE_VIEW_CONFIGURATION_PROPERTIES))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetViewConfigurationProperties: bad properties struct");
        properties->viewConfigurationType = type;
        properties->fovMutable = XR_TRUE;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateViewConfigurationViews(XrInstance handle, XrSystemId systemId,
                                                                 XrViewConfigurationType type, std::uint32_t capacity,
                                                                 std::uint32_t* countOutput,
                                                                 XrViewConfigurationView* views) {
    return guarded("xrEnumerateViewConfigurationViews", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findSystem(handle, systemId, "xrEnumerateViewConfigurationViews", instance);
            XR_FAILED(result))
            return result;
        if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
        const Script& script = currentRun().script;
        auto view = xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW);
        view.recommendedImageRectWidth = script.width;
        view.maxImageRectWidth = std::min(kMaxSwapchainSide, 2 * script.width);
        view.recommendedImageRectHeight = script.height;
        view.maxImageRectHeight = std::min(kMaxSwapchainSide, 2 * script.height);
        view.recommendedSwapchainSampleCount = 1;
        view.maxSwapchainSampleCount = 4;
        if (capacity >= 2 && views)
            for (int eye = 0; eye < 2; ++eye)
                if (views[eye].type != XR_TYPE_VIEW_CONFIGURATION_VIEW)
                    return misuse(XR_ERROR_VALIDATION_FAILURE, "xrEnumerateViewConfigurationViews: element type");
        return writeArray(capacity, countOutput, views, {view, view});
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateEnvironmentBlendModes(XrInstance handle, XrSystemId systemId,
                                                                XrViewConfigurationType type, std::uint32_t capacity,
                                                                std::uint32_t* countOutput,
                                                                XrEnvironmentBlendMode* modes) {
    return guarded("xrEnumerateEnvironmentBlendModes", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findSystem(handle, systemId, "xrEnumerateEnvironmentBlendModes", instance);
            XR_FAILED(result))
            return result;
        if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
        return writeArray(capacity, countOutput, modes, {XR_ENVIRONMENT_BLEND_MODE_OPAQUE});
    });
}

} // namespace

std::vector<RuntimeFunction> systemFunctions() {
    return {
        {"xrGetSystem", asVoidFunction(&xrGetSystem)},
        {"xrGetSystemProperties", asVoidFunction(&xrGetSystemProperties)},
        {"xrEnumerateViewConfigurations", asVoidFunction(&xrEnumerateViewConfigurations)},
        {"xrGetViewConfigurationProperties", asVoidFunction(&xrGetViewConfigurationProperties)},
        {"xrEnumerateViewConfigurationViews", asVoidFunction(&xrEnumerateViewConfigurationViews)},
        {"xrEnumerateEnvironmentBlendModes", asVoidFunction(&xrEnumerateEnvironmentBlendModes)},
    };
}

} // namespace usine::test_runtime
