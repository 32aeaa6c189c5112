// Measures GPU time between two points of a command buffer with timestamp queries.
// Where the queue has no timestamps, reads return nullopt and callers say "n/a".
#pragma once

#include "gpu/owned_handle.h"

#include <cstdint>
#include <optional>

namespace usine::gpu {

class GpuContext;

class GpuTimer {
public:
    explicit GpuTimer(GpuContext& context);

    // Record around the measured work, in the same command buffer.
    void begin(VkCommandBuffer commands);
    void end(VkCommandBuffer commands);
    // Milliseconds between begin and end of the last completed submission.
    std::optional<double> readMs() const;

private:
    VkDevice device_;
    bool available_;
    double periodNs_;
    std::uint64_t validMask_; // timestamps wrap at timestampValidBits
    OwnedQueryPool pool_;
};

} // namespace usine::gpu
