// The session state machine. States change only here, each change queues its event
// for xrPollEvent and is recorded in the report:
//   xrCreateSession                       IDLE, READY
//   1st / 2nd / 3rd xrWaitFrame after xrBeginSession
//                                         SYNCHRONIZED, VISIBLE, FOCUSED
//   xrRequestExitSession, end-after-frames   (VISIBLE, SYNCHRONIZED,) STOPPING
//   xrEndSession                          IDLE, then EXITING when an exit was asked for
//   session-loss-at-frame N               LOSS_PENDING at frame N; lost once it ends
#pragma once

#include "session.h"

namespace usine::test_runtime {

const char* stateName(XrSessionState state);

void changeState(Session& session, XrSessionState state);

// Called by xrWaitFrame for run-wide frame `frame`: plays the faults due at this frame,
// then climbs one step towards FOCUSED.
void advanceAtWait(Session& session, std::int64_t frame);

// Down to STOPPING from wherever the running session is; `byRuntime` when the script's
// end-after-frames asked for it rather than the application. False when the session is
// already on its way out (stopping, or being lost).
bool beginExit(Session& session, bool byRuntime);

// A loss announced during a frame strikes once that frame is over (after its
// xrEndFrame, or at the next xrWaitFrame when the frame was never ended).
void settleLosses(Session& session);

} // namespace usine::test_runtime
