// How the Khronos loader meets the runtime: the one exported symbol,
// xrNegotiateLoaderRuntimeInterface, hands over xrGetInstanceProcAddr, which finds every
// other function by name. Everything else in the library is hidden (-fvisibility=hidden).
#include "api_guard.h"
#include "function_table.h"
#include "loader_negotiation.h"
#include "object_registry.h"

#include <cstring>
#include <string_view>

namespace usine::test_runtime {
namespace {

XRAPI_ATTR XrResult XRAPI_CALL xrGetInstanceProcAddr(XrInstance instance, const char* name,
                                                     PFN_xrVoidFunction* function);

const std::vector<RuntimeFunction>& allFunctions() {
    static const std::vector<RuntimeFunction> table = [] {
        std::vector<RuntimeFunction> all{{"xrGetInstanceProcAddr", asVoidFunction(&xrGetInstanceProcAddr)}};
        for (auto group : {instanceFunctions, systemFunctions, vulkanFunctions, sessionFunctions, frameFunctions,
                           spaceFunctions, swapchainFunctions, actionFunctions, actionStateFunctions}) {
            const std::vector<RuntimeFunction> functions = group();
            all.insert(all.end(), functions.begin(), functions.end());
        }
        return all;
    }();
    return table;
}

// The only functions the specification lets an application look up before it has an
// instance.
bool callableWithoutInstance(std::string_view name) {
    return name == "xrEnumerateInstanceExtensionProperties" || name == "xrEnumerateApiLayerProperties" ||
           name == "xrCreateInstance" || name == "xrGetInstanceProcAddr";
}

bool enabledOn(const Instance& instance, Needs needs) {
    switch (needs) {
    case Needs::Core: return true;
    case Needs::VulkanEnable: return instance.vulkanEnable;
    case Needs::VulkanEnable2: return instance.vulkanEnable2;
    }
    return false;
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetInstanceProcAddr(XrInstance instance, const char* name,
                                                     PFN_xrVoidFunction* function) {
    return guarded("xrGetInstanceProcAddr", [&]() -> XrResult {
        if (!function || !name) return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetInstanceProcAddr: null argument");
        *function = nullptr;
        const Instance* owner = nullptr;
        if (instance == XR_NULL_HANDLE) {
            if (!callableWithoutInstance(name)) return XR_ERROR_HANDLE_INVALID;
        } else {
            owner = objects().instances.find(instance);
            if (!owner) return XR_ERROR_HANDLE_INVALID;
        }
        for (const RuntimeFunction& entry : allFunctions()) {
            if (std::strcmp(entry.name, name) != 0) continue;
            if (owner && !enabledOn(*owner, entry.needs)) return XR_ERROR_FUNCTION_UNSUPPORTED;
            *function = entry.function;
            return XR_SUCCESS;
        }
        return XR_ERROR_FUNCTION_UNSUPPORTED;
    });
}

bool negotiationFits(const XrNegotiateLoaderInfo* loader, const XrNegotiateRuntimeRequest* request) {
    if (!loader || !request) return false;
    if (loader->structType != XR_LOADER_INTERFACE_STRUCT_LOADER_INFO ||
        loader->structVersion != XR_LOADER_INFO_STRUCT_VERSION || loader->structSize != sizeof(XrNegotiateLoaderInfo))
        return false;
    if (request->structType != XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST ||
        request->structVersion != XR_RUNTIME_INFO_STRUCT_VERSION ||
        request->structSize != sizeof(XrNegotiateRuntimeRequest))
        return false;
    const bool interfaceFits = loader->minInterfaceVersion <= XR_CURRENT_LOADER_RUNTIME_VERSION &&
                               loader->maxInterfaceVersion >= XR_CURRENT_LOADER_RUNTIME_VERSION;
    // The runtime implements OpenXR 1.0: the loader must accept some 1.0 version.
    const bool apiFits = XR_VERSION_MAJOR(loader->minApiVersion) <= 1 && XR_VERSION_MAJOR(loader->maxApiVersion) >= 1;
    return interfaceFits && apiFits;
}

} // namespace
} // namespace usine::test_runtime

extern "C" __attribute__((visibility("default"))) XRAPI_ATTR XrResult XRAPI_CALL
xrNegotiateLoaderRuntimeInterface(const XrNegotiateLoaderInfo* loaderInfo, XrNegotiateRuntimeRequest* runtimeRequest) {
    using namespace usine::test_runtime;
    if (!negotiationFits(loaderInfo, runtimeRequest)) return XR_ERROR_INITIALIZATION_FAILED;
    runtimeRequest->runtimeInterfaceVersion = XR_CURRENT_LOADER_RUNTIME_VERSION;
    runtimeRequest->runtimeApiVersion = XR_CURRENT_API_VERSION;
    runtimeRequest->getInstanceProcAddr = &xrGetInstanceProcAddr;
    return XR_SUCCESS;
}
