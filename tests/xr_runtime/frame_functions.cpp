// The frame loop: xrWaitFrame on a fake 90 Hz clock (it never sleeps), xrBeginFrame,
// xrEndFrame with its checks and the simulated display, and xrLocateViews. Each wait is
// one frame of the run: the script's frame numbers count them.
#include "api_guard.h"
#include "frame_display.h"
#include "frame_layers.h"
#include "function_table.h"
#include "object_registry.h"
#include "pose_math.h"
#include "session_states.h"
#include "space_poses.h"

namespace usine::test_runtime {
namespace {

XrResult findRunningSession(XrSession handle, const char* function, Session*& session) {
    if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
    if (!session->running)
        return misuse(XR_ERROR_SESSION_NOT_RUNNING, std::string(function) + ": the session is not running");
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL xrWaitFrame(XrSession handle, const XrFrameWaitInfo* info, XrFrameState* state) {
    return guarded("xrWaitFrame", [&]() -> XrResult {
        if (Session* pending = objects().sessions.find(handle)) settleLosses(*pending); // a frame left unended
        Session* session = nullptr;
        if (const XrResult result = findRunningSession(handle, "xrWaitFrame", session); XR_FAILED(result))
            return result;
        if ((info && info->type != XR_TYPE_FRAME_WAIT_INFO) || !hasType(state, XR_TYPE_FRAME_STATE))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrWaitFrame: bad wait info or frame state");
        // A second wait before xrBeginFrame would block for ever in a one-thread loop.
        if (session->frame.waited)
            return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrWaitFrame: called again before xrBeginFrame");
        TestRun& run = currentRun();
        const std::int64_t frame = run.nextFrame++;
        run.report.framesWaited = run.nextFrame;
        session->frame.waited = true;
        session->frame.waitedFrame = frame;
        advanceAtWait(*session, frame);

        state->predictedDisplayTime = run.displayTimeOf(frame);
        state->predictedDisplayPeriod = run.displayPeriod();
        const bool visible = session->state == XR_SESSION_STATE_VISIBLE || session->state == XR_SESSION_STATE_FOCUSED;
        state->shouldRender = visible ? XR_TRUE : XR_FALSE;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrBeginFrame(XrSession handle, const XrFrameBeginInfo* info) {
    return guarded("xrBeginFrame", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findRunningSession(handle, "xrBeginFrame", session); XR_FAILED(result))
            return result;
        if (info && info->type != XR_TYPE_FRAME_BEGIN_INFO)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrBeginFrame: bad begin info");
        if (!session->frame.waited)
            return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrBeginFrame: no xrWaitFrame before it");
        session->frame.waited = false;
        session->frame.begunFrame = session->frame.waitedFrame;
        if (session->frame.begun) { // the frame begun earlier is dropped, as the specification says
            ++currentRun().report.framesDiscarded;
            return XR_FRAME_DISCARDED;
        }
        session->frame.begun = true;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEndFrame(XrSession handle, const XrFrameEndInfo* info) {
    return guarded("xrEndFrame", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findRunningSession(handle, "xrEndFrame", session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_FRAME_END_INFO))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrEndFrame: bad end info");
        if (!session->frame.begun) return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrEndFrame: no xrBeginFrame before it");
        TestRun& current = currentRun();
        const FrameCheck check =
            checkFrameEnd(*session, *info, current.script.maxLayers, current.frameAt(info->displayTime));
        if (XR_FAILED(check.result)) return misuse(check.result, "xrEndFrame: " + check.problem);

        session->frame.begun = false;
        TestRun& run = currentRun();
        ++run.report.framesSubmitted;
        displayFrame(*session, check, session->frame.begunFrame);
        const auto& end = run.script.endAfterFrames;
        // Once only, and not into a session that is being lost: the next one ends instead.
        if (end && run.report.framesSubmitted >= *end && !run.endAfterFramesFired)
            run.endAfterFramesFired = beginExit(*session, true);
        settleLosses(*session);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrLocateViews(XrSession handle, const XrViewLocateInfo* info, XrViewState* viewState,
                                             std::uint32_t capacity, std::uint32_t* countOutput, XrView* views) {
    return guarded("xrLocateViews", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_VIEW_LOCATE_INFO) || !hasType(viewState, XR_TYPE_VIEW_STATE) || !countOutput)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrLocateViews: bad locate info, view state or count");
        if (info->viewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
            return misuse(XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED, "xrLocateViews: not the stereo configuration");
        if (info->displayTime <= 0) return misuse(XR_ERROR_TIME_INVALID, "xrLocateViews: displayTime <= 0");
        const Space* space = objects().spaces.find(info->space);
        if (!space || space->session != session) return XR_ERROR_HANDLE_INVALID;
        *countOutput = 2;
        if (capacity == 0) return XR_SUCCESS;
        if (capacity < 2) return XR_ERROR_SIZE_INSUFFICIENT;
        if (!views || views[0].type != XR_TYPE_VIEW || views[1].type != XR_TYPE_VIEW)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrLocateViews: views must be XrView");

        TestRun& run = currentRun();
        const double frame = run.frameAt(info->displayTime);
        const XrPosef head = headPoseAt(run.script, frame);
        const bool headTracked = headTrackedAt(run.script, frame);
        const auto base = spaceInStage(*session, *space, frame);
        viewState->viewStateFlags = 0;
        for (int eye = 0; eye < 2; ++eye) {
            // The eyes sit ipd/2 either side of the head, along the head's own x axis.
            XrPosef offset = identityPose();
            offset.position.x = (eye == 0 ? -0.5f : 0.5f) * run.script.ipd;
            const XrPosef eyeInStage = compose(head, offset);
            views[eye].fov = run.script.fov[eye];
            // Untracked: a pose nobody should use (the floor's origin), as stale as a real one.
            views[eye].pose = base && headTracked ? compose(inverse(*base), eyeInStage) : identityPose();
            run.report.lastViewFov[eye] = run.script.fov[eye];
            run.report.lastEyePose[eye] = eyeInStage;
        }
        run.report.viewsLocated = true;
        if (base && headTracked)
            viewState->viewStateFlags = XR_VIEW_STATE_ORIENTATION_VALID_BIT | XR_VIEW_STATE_POSITION_VALID_BIT |
                                        XR_VIEW_STATE_ORIENTATION_TRACKED_BIT | XR_VIEW_STATE_POSITION_TRACKED_BIT;
        return XR_SUCCESS;
    });
}

} // namespace

std::vector<RuntimeFunction> frameFunctions() {
    return {
        {"xrWaitFrame", asVoidFunction(&xrWaitFrame)},
        {"xrBeginFrame", asVoidFunction(&xrBeginFrame)},
        {"xrEndFrame", asVoidFunction(&xrEndFrame)},
        {"xrLocateViews", asVoidFunction(&xrLocateViews)},
    };
}

} // namespace usine::test_runtime
