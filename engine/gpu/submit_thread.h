// Hands command buffers to the queue from a thread of its own, in order. Some drivers
// (Mesa 22.3's lavapipe) return from vkQueueSubmit2 only once the work is done: from
// here, the caller records the next frame meanwhile. Every other use of the queue goes
// through GpuContext::queueLock(), which this thread holds while it submits.
#pragma once

#include "gpu/owned_handle.h"

#include <condition_variable>
#include <cstdint>
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

    // Returns the submission's number (1, 2, ...). The fence is the thread's until the
    // submission is on the queue: see waitUntilSubmitted.
    std::uint64_t submit(const Submission& submission);
    // Returns once submission `number` (by default every one so far) is on the queue,
    // rethrowing a failure. Only then may the caller wait for or query its fence.
    void waitUntilSubmitted(std::uint64_t number = UINT64_MAX);
    // How many submissions are on the queue.
    std::uint64_t submittedCount();

private:
    void run();
    void rethrowFailure();

    GpuContext& context_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Submission> pending_;
    bool submitting_ = false;
    std::uint64_t handedOver_ = 0;
    std::uint64_t submitted_ = 0;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

} // namespace usine::gpu
