// The submitting thread (see submit_thread.h).
#include "gpu/submit_thread.h"

#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>

namespace usine::gpu {

SubmitThread::SubmitThread(GpuContext& context) : context_(context), thread_([this] { run(); }) {}

SubmitThread::~SubmitThread() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

std::uint64_t SubmitThread::submit(const Submission& submission) {
    std::uint64_t number = 0;
    {
        std::lock_guard lock(mutex_);
        if (failure_) std::rethrow_exception(failure_);
        pending_.push_back(submission);
        number = ++handedOver_;
    }
    changed_.notify_all();
    return number;
}

void SubmitThread::waitUntilSubmitted(std::uint64_t number) {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = std::min(number, handedOver_);
    changed_.wait(lock, [&] { return submitted_ >= target || failure_; });
    if (failure_) std::rethrow_exception(failure_);
}

std::uint64_t SubmitThread::submittedCount() {
    std::lock_guard lock(mutex_);
    return submitted_;
}

void SubmitThread::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return !pending_.empty() || stopping_; });
        if (pending_.empty()) return; // stopping, nothing left
        const Submission submission = pending_.front();
        pending_.pop_front();
        submitting_ = true;
        lock.unlock();
        try {
            auto commandInfo = vkStruct<VkCommandBufferSubmitInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO);
            commandInfo.commandBuffer = submission.commands;
            auto info = vkStruct<VkSubmitInfo2>(VK_STRUCTURE_TYPE_SUBMIT_INFO_2);
            info.commandBufferInfoCount = 1;
            info.pCommandBufferInfos = &commandInfo;
            const auto queue = context_.queueLock();
            VK_CHECK(vkQueueSubmit2(context_.queue(), 1, &info, submission.fence));
        } catch (...) {
            lock.lock();
            failure_ = std::current_exception();
            submitting_ = false;
            ++submitted_; // not on the queue, but no longer the thread's: waiters see the failure
            changed_.notify_all();
            continue;
        }
        lock.lock();
        submitting_ = false;
        ++submitted_;
        changed_.notify_all();
    }
}

} // namespace usine::gpu
