// The submitting thread (see submit_thread.h).
#include "gpu/submit_thread.h"

#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

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

void SubmitThread::submit(const Submission& submission) {
    {
        std::lock_guard lock(mutex_);
        if (failure_) std::rethrow_exception(failure_);
        pending_.push_back(submission);
    }
    changed_.notify_all();
}

void SubmitThread::waitUntilSubmitted() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return (pending_.empty() && !submitting_) || failure_; });
    if (failure_) std::rethrow_exception(failure_);
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
            changed_.notify_all();
            continue;
        }
        lock.lock();
        submitting_ = false;
        changed_.notify_all();
    }
}

} // namespace usine::gpu
