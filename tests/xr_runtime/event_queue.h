// The events an instance has queued for xrPollEvent, oldest first.
#pragma once

#include "xr_headers.h"

#include <cstring>
#include <deque>

namespace usine::test_runtime {

class EventQueue {
public:
    template <typename Event> void push(const Event& event) {
        static_assert(sizeof(Event) <= sizeof(XrEventDataBuffer));
        XrEventDataBuffer buffer{};
        std::memcpy(&buffer, &event, sizeof(Event));
        events_.push_back(buffer);
    }
    bool empty() const { return events_.empty(); }
    // Moves the oldest event into `out`.
    bool pop(XrEventDataBuffer& out);
    // Events about a destroyed session must not reach the application.
    void dropSession(XrSession session);

private:
    std::deque<XrEventDataBuffer> events_;
};

} // namespace usine::test_runtime
