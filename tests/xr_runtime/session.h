// An XrSession of the test runtime: its Vulkan binding and the runtime's own Vulkan
// work, the session state machine, the frame loop's position, LOCAL space's origin,
// input, the latest eye pictures, and the spaces and swapchains it owns.
#pragma once

#include "eye_pictures.h"
#include "instance.h"
#include "session_input.h"
#include "vulkan_queue_context.h"

#include <chrono>
#include <memory>
#include <optional>

namespace usine::test_runtime {

struct Space;
struct Swapchain;

struct FrameLoop {
    bool waited = false;            // an xrWaitFrame not yet followed by xrBeginFrame
    bool begun = false;             // an xrBeginFrame not yet followed by xrEndFrame
    std::int64_t waitedFrame = -1;  // run-wide index of the last xrWaitFrame
    std::int64_t begunFrame = -1;   // the frame xrBeginFrame started
};

struct Session {
    std::uint64_t id = 0; // the XrSession handle value
    Instance* instance = nullptr;
    VulkanBinding binding;
    std::unique_ptr<VulkanQueueContext> gpu;
    std::unique_ptr<EyeReadback> readback;

    XrSessionState state = XR_SESSION_STATE_UNKNOWN;
    // With ready-after-seconds: when the IDLE session becomes READY (at an xrPollEvent).
    std::optional<std::chrono::steady_clock::time_point> readyAt;
    bool running = false;       // between xrBeginSession and xrEndSession
    bool exitRequested = false; // by the application or by end-after-frames
    Loss loss = Loss::None;
    FrameLoop frame;
    std::optional<XrPosef> localOrigin; // fixed by xrBeginSession
    // Recentrings announced so far: from that frame on, LOCAL's origin is that pose.
    std::vector<std::pair<std::int64_t, XrPosef>> localOriginChanges;

    SessionInput input;
    EyePictures pictures;
    bool multisampleWarned = false;

    std::vector<Space*> spaces;
    std::vector<Swapchain*> swapchains;

    XrSession handle() const { return reinterpret_cast<XrSession>(id); }
};

} // namespace usine::test_runtime
