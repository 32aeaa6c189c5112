// The session state machine (see session_states.h).
#include "session_states.h"

#include "pose_math.h"
#include "script.h"

#include "test_run.h"
#include "xr_struct.h"

#include <algorithm>

namespace usine::test_runtime {

const char* stateName(XrSessionState state) {
    switch (state) {
    case XR_SESSION_STATE_IDLE: return "IDLE";
    case XR_SESSION_STATE_READY: return "READY";
    case XR_SESSION_STATE_SYNCHRONIZED: return "SYNCHRONIZED";
    case XR_SESSION_STATE_VISIBLE: return "VISIBLE";
    case XR_SESSION_STATE_FOCUSED: return "FOCUSED";
    case XR_SESSION_STATE_STOPPING: return "STOPPING";
    case XR_SESSION_STATE_LOSS_PENDING: return "LOSS_PENDING";
    case XR_SESSION_STATE_EXITING: return "EXITING";
    default: return "UNKNOWN";
    }
}

void changeState(Session& session, XrSessionState state) {
    TestRun& run = currentRun();
    session.state = state;
    auto event = xrStruct<XrEventDataSessionStateChanged>(XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED);
    event.session = session.handle();
    event.state = state;
    event.time = run.now();
    session.instance->events.push(event);
    run.report.states.push_back(stateName(state));
}

namespace {
// A recentring of LOCAL at frame R is announced at frame R - 3, as runtimes announce
// changes ahead of the display time they take effect at.
void announceRecentres(Session& session, std::int64_t frame) {
    constexpr std::int64_t kNotice = 3;
    TestRun& run = currentRun();
    for (std::int64_t at : run.script.recentres) {
        const bool announced = std::any_of(session.localOriginChanges.begin(), session.localOriginChanges.end(),
                                           [&](const auto& change) { return change.first == at; });
        if (announced || frame < at - kNotice || !session.localOrigin) continue;
        XrPosef previous = *session.localOrigin;
        for (const auto& [from, moved] : session.localOriginChanges)
            if (from <= at) previous = moved;
        const XrPosef head = headPoseAt(run.script, double(at));
        const XrPosef moved{headingOnly(head.orientation), head.position};
        session.localOriginChanges.emplace_back(at, moved);
        auto event = xrStruct<XrEventDataReferenceSpaceChangePending>(XR_TYPE_EVENT_DATA_REFERENCE_SPACE_CHANGE_PENDING);
        event.session = session.handle();
        event.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL;
        event.changeTime = run.displayTimeOf(at);
        event.poseValid = XR_TRUE;
        event.poseInPreviousSpace = compose(inverse(previous), moved);
        session.instance->events.push(event);
    }
}
} // namespace

void advanceAtWait(Session& session, std::int64_t frame) {
    TestRun& run = currentRun();
    const Faults& faults = run.script.faults;
    if (faults.instanceLossAtFrame && frame >= *faults.instanceLossAtFrame && !run.instanceLossFired) {
        run.instanceLossFired = true;
        ++run.report.instanceLosses;
        session.instance->loss = Loss::Pending;
        auto event = xrStruct<XrEventDataInstanceLossPending>(XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING);
        event.lossTime = run.displayTimeOf(frame + 1);
        session.instance->events.push(event);
    }
    if (faults.sessionLossAtFrame && frame >= *faults.sessionLossAtFrame && !run.sessionLossFired) {
        run.sessionLossFired = true;
        ++run.report.sessionLosses;
        session.loss = Loss::Pending;
        changeState(session, XR_SESSION_STATE_LOSS_PENDING);
    }
    announceRecentres(session, frame);
    if (session.loss != Loss::None || session.instance->loss != Loss::None || session.exitRequested) return;
    switch (session.state) {
    case XR_SESSION_STATE_READY: changeState(session, XR_SESSION_STATE_SYNCHRONIZED); break;
    case XR_SESSION_STATE_SYNCHRONIZED: changeState(session, XR_SESSION_STATE_VISIBLE); break;
    case XR_SESSION_STATE_VISIBLE: changeState(session, XR_SESSION_STATE_FOCUSED); break;
    default: break;
    }
}

bool beginExit(Session& session, bool byRuntime) {
    if (session.exitRequested || session.loss != Loss::None || session.instance->loss != Loss::None) return false;
    session.exitRequested = true;
    if (byRuntime) currentRun().report.sessionEndedByRuntime = true;
    if (session.state == XR_SESSION_STATE_FOCUSED) changeState(session, XR_SESSION_STATE_VISIBLE);
    if (session.state == XR_SESSION_STATE_VISIBLE || session.state == XR_SESSION_STATE_READY)
        changeState(session, XR_SESSION_STATE_SYNCHRONIZED);
    changeState(session, XR_SESSION_STATE_STOPPING);
    return true;
}

void settleLosses(Session& session) {
    if (session.instance->loss == Loss::Pending) session.instance->loss = Loss::Lost;
    if (session.loss == Loss::Pending) {
        session.loss = Loss::Lost;
        session.running = false;
    }
}

} // namespace usine::test_runtime
