// The instance's event queue (see event_queue.h).
#include "event_queue.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

XrSession sessionOf(const XrEventDataBuffer& event) {
    switch (event.type) {
    case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED:
        return reinterpret_cast<const XrEventDataSessionStateChanged&>(event).session;
    case XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED:
        return reinterpret_cast<const XrEventDataInteractionProfileChanged&>(event).session;
    default: return XR_NULL_HANDLE;
    }
}

} // namespace

bool EventQueue::pop(XrEventDataBuffer& out) {
    if (events_.empty()) return false;
    out = events_.front();
    events_.pop_front();
    return true;
}

void EventQueue::dropSession(XrSession session) {
    events_.erase(std::remove_if(events_.begin(), events_.end(),
                                 [&](const XrEventDataBuffer& event) { return sessionOf(event) == session; }),
                  events_.end());
}

} // namespace usine::test_runtime
