// Instance-level entry points: extensions, instance creation and destruction (with
// the refuse-instance fault), properties, events, names of results and structure
// types, and paths.
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"
#include "session_states.h"
#include "xr_struct.h"

#include <openxr/openxr_reflection.h>

#include <algorithm>
#include <chrono>

namespace usine::test_runtime {
namespace {

std::vector<XrExtensionProperties> availableExtensions(const Faults& faults) {
    std::vector<XrExtensionProperties> list;
    auto add = [&](const char* name, std::uint32_t version) {
        auto properties = xrStruct<XrExtensionProperties>(XR_TYPE_EXTENSION_PROPERTIES);
        properties.extensionVersion = version;
        copyText(properties.extensionName, name);
        list.push_back(properties);
    };
    if (!faults.noVulkanEnable2) add(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_vulkan_enable2_SPEC_VERSION);
    add(XR_KHR_VULKAN_ENABLE_EXTENSION_NAME, XR_KHR_vulkan_enable_SPEC_VERSION);
    if (!faults.noDepthExtension)
        add(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME, XR_KHR_composition_layer_depth_SPEC_VERSION);
    return list;
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateApiLayerProperties(std::uint32_t capacity, std::uint32_t* countOutput,
                                                             XrApiLayerProperties* properties) {
    // Layers are the loader's business; the runtime has none of its own.
    return guarded("xrEnumerateApiLayerProperties", [&] {
        return writeArray<XrApiLayerProperties>(capacity, countOutput, properties, {});
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateInstanceExtensionProperties(const char* layerName, std::uint32_t capacity,
                                                                      std::uint32_t* countOutput,
                                                                      XrExtensionProperties* properties) {
    return guarded("xrEnumerateInstanceExtensionProperties", [&]() -> XrResult {
        if (layerName && layerName[0]) return XR_ERROR_API_LAYER_NOT_PRESENT;
        const TestRun& run = refreshRun(objects().instances.empty());
        const auto extensions = availableExtensions(run.script.faults);
        if (capacity > 0 && properties)
            for (std::uint32_t i = 0; i < std::min<std::size_t>(capacity, extensions.size()); ++i)
                if (properties[i].type != XR_TYPE_EXTENSION_PROPERTIES)
                    return misuse(XR_ERROR_VALIDATION_FAILURE, "xrEnumerateInstanceExtensionProperties: element type");
        return writeArray(capacity, countOutput, properties, extensions);
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateInstance(const XrInstanceCreateInfo* info, XrInstance* out) {
    return guarded("xrCreateInstance", [&]() -> XrResult {
        TestRun& run = refreshRun(objects().instances.empty());
        if (!hasType(info, XR_TYPE_INSTANCE_CREATE_INFO) || !out)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateInstance: bad create info");
        if (!run.scriptValid) { // the message went to stderr, and goes to the report
            run.writeReport();
            return XR_ERROR_RUNTIME_FAILURE;
        }
        const int refuse = run.script.faults.refuseInstances;
        if (refuse < 0 || run.instancesRefused < refuse) {
            ++run.instancesRefused;
            ++run.report.instancesRefused;
            run.writeReport();
            return XR_ERROR_RUNTIME_FAILURE;
        }
        if (const XrResult failure = injectedFailure(run, "xrCreateInstance"); XR_FAILED(failure)) {
            run.writeReport();
            return failure;
        }
        if (info->applicationInfo.applicationName[0] == '\0')
            return misuse(XR_ERROR_NAME_INVALID, "xrCreateInstance: empty applicationName");
        if (XR_VERSION_MAJOR(info->applicationInfo.apiVersion) != 1) return XR_ERROR_API_VERSION_UNSUPPORTED;

        auto instance = std::make_unique<Instance>();
        instance->id = objects().newId();
        const auto available = availableExtensions(run.script.faults);
        for (std::uint32_t i = 0; i < info->enabledExtensionCount; ++i) {
            const std::string name = info->enabledExtensionNames[i];
            const bool known = std::any_of(available.begin(), available.end(),
                                           [&](const XrExtensionProperties& p) { return name == p.extensionName; });
            if (!known)
                return misuse(XR_ERROR_EXTENSION_NOT_PRESENT, "xrCreateInstance: extension " + name + " not offered");
            instance->vulkanEnable |= name == XR_KHR_VULKAN_ENABLE_EXTENSION_NAME;
            instance->vulkanEnable2 |= name == XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME;
            instance->depthLayers |= name == XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME;
        }
        *out = toHandle<XrInstance>(objects().instances.add(std::move(instance))->id);
        ++run.report.instancesCreated;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrDestroyInstance(XrInstance handle) {
    return guarded("xrDestroyInstance", [&]() -> XrResult {
        Instance* instance = objects().instances.find(handle); // a lost instance is destroyed too
        if (!instance) return XR_ERROR_HANDLE_INVALID;
        destroyInstance(instance);
        ++currentRun().report.instancesDestroyed;
        currentRun().writeReport();
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetInstanceProperties(XrInstance handle, XrInstanceProperties* properties) {
    return guarded("xrGetInstanceProperties", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(properties, XR_TYPE_INSTANCE_PROPERTIES))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetInstanceProperties: bad properties struct");
        properties->runtimeVersion = XR_MAKE_VERSION(0, 1, 0);
        copyText(properties->runtimeName, "Usine test runtime");
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrPollEvent(XrInstance handle, XrEventDataBuffer* event) {
    return guarded("xrPollEvent", [&]() -> XrResult {
        Instance* instance = objects().instances.find(handle);
        if (!instance) return XR_ERROR_HANDLE_INVALID;
        if (!hasType(event, XR_TYPE_EVENT_DATA_BUFFER))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrPollEvent: the buffer's type is not XR_TYPE_EVENT_DATA_BUFFER");
        // A session held IDLE by ready-after-seconds becomes READY once its time has come.
        for (Session* session : instance->sessions)
            if (session->readyAt && std::chrono::steady_clock::now() >= *session->readyAt &&
                session->loss == Loss::None) {
                session->readyAt.reset();
                changeState(*session, XR_SESSION_STATE_READY);
            }
        // A lost instance still delivers the events queued before the loss.
        if (instance->events.pop(*event)) return XR_SUCCESS;
        return instance->loss == Loss::Lost ? XR_ERROR_INSTANCE_LOST : XR_EVENT_UNAVAILABLE;
    });
}

std::string resultName(XrResult value) {
    switch (value) {
#define USINE_RESULT_CASE(name, number) \
    case name: return #name;
        XR_LIST_ENUM_XrResult(USINE_RESULT_CASE)
#undef USINE_RESULT_CASE
    default: break;
    }
    return (XR_SUCCEEDED(value) ? "XR_UNKNOWN_SUCCESS_" : "XR_UNKNOWN_FAILURE_") + std::to_string(int(value));
}

std::string structureTypeName(XrStructureType value) {
    switch (value) {
#define USINE_TYPE_CASE(name, number) \
    case name: return #name;
        XR_LIST_ENUM_XrStructureType(USINE_TYPE_CASE)
#undef USINE_TYPE_CASE
    default: break;
    }
    return "XR_UNKNOWN_STRUCTURE_TYPE_" + std::to_string(int(value));
}

XRAPI_ATTR XrResult XRAPI_CALL xrResultToString(XrInstance handle, XrResult value, char buffer[XR_MAX_RESULT_STRING_SIZE]) {
    return guarded("xrResultToString", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!buffer) return misuse(XR_ERROR_VALIDATION_FAILURE, "xrResultToString: null buffer");
        copyText(buffer, XR_MAX_RESULT_STRING_SIZE, resultName(value));
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrStructureTypeToString(XrInstance handle, XrStructureType value,
                                                       char buffer[XR_MAX_STRUCTURE_NAME_SIZE]) {
    return guarded("xrStructureTypeToString", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!buffer) return misuse(XR_ERROR_VALIDATION_FAILURE, "xrStructureTypeToString: null buffer");
        copyText(buffer, XR_MAX_STRUCTURE_NAME_SIZE, structureTypeName(value));
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrStringToPath(XrInstance handle, const char* pathString, XrPath* path) {
    return guarded("xrStringToPath", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!pathString || !path) return misuse(XR_ERROR_VALIDATION_FAILURE, "xrStringToPath: null argument");
        if (!isWellFormedPath(pathString))
            return misuse(XR_ERROR_PATH_FORMAT_INVALID, std::string("xrStringToPath: malformed path '") + pathString + "'");
        *path = instance->paths.intern(pathString);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrPathToString(XrInstance handle, XrPath path, std::uint32_t capacity,
                                              std::uint32_t* countOutput, char* buffer) {
    return guarded("xrPathToString", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        const auto text = instance->paths.text(path);
        if (!text) return misuse(XR_ERROR_PATH_INVALID, "xrPathToString: unknown path " + std::to_string(path));
        return writeString(capacity, countOutput, buffer, *text);
    });
}

} // namespace

std::vector<RuntimeFunction> instanceFunctions() {
    return {
        {"xrEnumerateApiLayerProperties", asVoidFunction(&xrEnumerateApiLayerProperties)},
        {"xrEnumerateInstanceExtensionProperties", asVoidFunction(&xrEnumerateInstanceExtensionProperties)},
        {"xrCreateInstance", asVoidFunction(&xrCreateInstance)},
        {"xrDestroyInstance", asVoidFunction(&xrDestroyInstance)},
        {"xrGetInstanceProperties", asVoidFunction(&xrGetInstanceProperties)},
        {"xrPollEvent", asVoidFunction(&xrPollEvent)},
        {"xrResultToString", asVoidFunction(&xrResultToString)},
        {"xrStructureTypeToString", asVoidFunction(&xrStructureTypeToString)},
        {"xrStringToPath", asVoidFunction(&xrStringToPath)},
        {"xrPathToString", asVoidFunction(&xrPathToString)},
    };
}

} // namespace usine::test_runtime
