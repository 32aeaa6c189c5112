// Session lifecycle entry points: create (with the Vulkan binding), destroy, begin,
// end and the application's exit request. The states themselves: session_states.cpp.
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"
#include "pose_math.h"
#include "session_states.h"

namespace usine::test_runtime {
namespace {

const XrGraphicsBindingVulkanKHR* findVulkanBinding(const void* next) {
    for (auto* header = static_cast<const XrBaseInStructure*>(next); header; header = header->next)
        if (header->type == XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR)
            return reinterpret_cast<const XrGraphicsBindingVulkanKHR*>(header);
    return nullptr;
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateSession(XrInstance handle, const XrSessionCreateInfo* info, XrSession* out) {
    return guarded("xrCreateSession", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_SESSION_CREATE_INFO) || !out)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateSession: bad create info");
        if (!isKnownSystem(*instance, info->systemId))
            return misuse(XR_ERROR_SYSTEM_INVALID, "xrCreateSession: system id not given by xrGetSystem");
        if (!instance->graphicsRequirementsQueried)
            return misuse(XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING,
                          "xrCreateSession: xrGetVulkanGraphicsRequirements(2)KHR was not called first");
        const XrGraphicsBindingVulkanKHR* binding = findVulkanBinding(info->next);
        if (!binding || !binding->instance || !binding->physicalDevice || !binding->device)
            return misuse(XR_ERROR_GRAPHICS_DEVICE_INVALID, "xrCreateSession: no complete XrGraphicsBindingVulkanKHR");
        if (instance->vulkan.physicalDevice && binding->physicalDevice != instance->vulkan.physicalDevice)
            return misuse(XR_ERROR_GRAPHICS_DEVICE_INVALID,
                          "xrCreateSession: not the physical device xrGetVulkanGraphicsDevice(2)KHR named");
        // One headset, one session at a time, as on a real device.
        if (!instance->sessions.empty()) return XR_ERROR_LIMIT_REACHED;

        auto session = std::make_unique<Session>();
        session->id = objects().newId();
        session->instance = instance;
        session->binding = VulkanBinding{binding->instance, binding->physicalDevice, binding->device,
                                         binding->queueFamilyIndex, binding->queueIndex};
        const PFN_vkGetInstanceProcAddr getProc =
            instance->vulkan.getInstanceProcAddr ? instance->vulkan.getInstanceProcAddr : &vkGetInstanceProcAddr;
        session->gpu = std::make_unique<VulkanQueueContext>(getProc, session->binding);
        session->readback = std::make_unique<EyeReadback>(*session->gpu);
        Session* created = objects().sessions.add(std::move(session));
        instance->sessions.push_back(created);
        ++currentRun().report.sessionsCreated;
        changeState(*created, XR_SESSION_STATE_IDLE);
        const double readyAfter = currentRun().script.faults.readyAfterSeconds;
        if (readyAfter > 0)
            created->readyAt = std::chrono::steady_clock::now() +
                               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(readyAfter));
        else
            changeState(*created, XR_SESSION_STATE_READY);
        *out = created->handle();
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrDestroySession(XrSession handle) {
    return guarded("xrDestroySession", [&]() -> XrResult {
        Session* session = objects().sessions.find(handle); // lost sessions are destroyed too
        if (!session) return XR_ERROR_HANDLE_INVALID;
        destroySession(session);
        ++currentRun().report.sessionsDestroyed;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrBeginSession(XrSession handle, const XrSessionBeginInfo* info) {
    return guarded("xrBeginSession", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_SESSION_BEGIN_INFO))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrBeginSession: bad begin info");
        if (session->running) return misuse(XR_ERROR_SESSION_RUNNING, "xrBeginSession: the session is already running");
        if (session->state != XR_SESSION_STATE_READY)
            return misuse(XR_ERROR_SESSION_NOT_READY,
                          std::string("xrBeginSession: session not READY but ") + stateName(session->state));
        if (info->primaryViewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
            return misuse(XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED, "xrBeginSession: view configuration not stereo");
        session->running = true;
        session->frame = FrameLoop{};
        // LOCAL space: where the head is now, upright, facing where the head faces.
        const TestRun& run = currentRun();
        const XrPosef head = headPoseAt(run.script, double(run.nextFrame));
        session->localOrigin = XrPosef{headingOnly(head.orientation), head.position};
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEndSession(XrSession handle) {
    return guarded("xrEndSession", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!session->running) return misuse(XR_ERROR_SESSION_NOT_RUNNING, "xrEndSession: the session is not running");
        if (session->state != XR_SESSION_STATE_STOPPING)
            return misuse(XR_ERROR_SESSION_NOT_STOPPING,
                          std::string("xrEndSession: session not STOPPING but ") + stateName(session->state));
        session->running = false;
        session->frame = FrameLoop{};
        TestRun& run = currentRun();
        if (session->pictures.unsaved && !run.outputDirectory.empty()) {
            session->pictures.write(run.outputDirectory, "");
            session->pictures.unsaved = false;
        }
        changeState(*session, XR_SESSION_STATE_IDLE);
        if (session->exitRequested) changeState(*session, XR_SESSION_STATE_EXITING);
        ++run.report.sessionsEnded;
        run.writeReport();
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrRequestExitSession(XrSession handle) {
    return guarded("xrRequestExitSession", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!session->running)
            return misuse(XR_ERROR_SESSION_NOT_RUNNING, "xrRequestExitSession: the session is not running");
        beginExit(*session, false);
        return XR_SUCCESS;
    });
}

} // namespace

std::vector<RuntimeFunction> sessionFunctions() {
    return {
        {"xrCreateSession", asVoidFunction(&xrCreateSession)},
        {"xrDestroySession", asVoidFunction(&xrDestroySession)},
        {"xrBeginSession", asVoidFunction(&xrBeginSession)},
        {"xrEndSession", asVoidFunction(&xrEndSession)},
        {"xrRequestExitSession", asVoidFunction(&xrRequestExitSession)},
    };
}

} // namespace usine::test_runtime
