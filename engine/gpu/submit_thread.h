// Hands command buffers to the queue from a thread of its own, in order. Some drivers
// (Mesa 22.3's lavapipe) return from vkQueueSubmit2 only once the work is done: from
// here, the caller records the next frame meanwhile. Every other use of the queue goes
// through GpuContext::queueLock(), which this thread holds while it submits.
#pragma once

#include "gpu/owned_handle.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace usine::gpu {

class GpuContext;

struct Submission {
    VkCommandBuffer commands = VK_NULL_HANDLE;
    VkFence fence = VK_NULL_HANDLE; // signalled when the commands are done
};

class SubmitThread {
public:
    explicit SubmitThread(GpuContext& context);
    ~SubmitThread(); // submits what was handed over, then stops
    SubmitThread(const SubmitThread&) = delete;
    SubmitThread& operator=(const SubmitThread&) = delete;

    void submit(const Submission& submission);
    // Returns once everything handed over has been submitted (rethrowing a failure).
    void waitUntilSubmitted();

private:
    void run();
    void rethrowFailure();

    GpuContext& context_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Submission> pending_;
    bool submitting_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

} // namespace usine::gpu
