// Timestamp-query timing.
#include "gpu/gpu_timer.h"

#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

namespace usine::gpu {

GpuTimer::GpuTimer(GpuContext& context)
    : device_(context.device()), available_(context.capabilities().timestamps),
      periodNs_(context.capabilities().timestampPeriodNs),
      validMask_(context.capabilities().timestampValidBits >= 64
                     ? ~std::uint64_t(0)
                     : (std::uint64_t(1) << context.capabilities().timestampValidBits) - 1) {
    if (!available_) return;
    auto info = vkStruct<VkQueryPoolCreateInfo>(VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO);
    info.queryType = VK_QUERY_TYPE_TIMESTAMP;
    info.queryCount = 2;
    VkQueryPool pool;
    VK_CHECK(vkCreateQueryPool(device_, &info, nullptr, &pool));
    pool_ = OwnedQueryPool(device_, pool);
}

void GpuTimer::begin(VkCommandBuffer commands) {
    if (!available_) return;
    vkCmdResetQueryPool(commands, pool_.get(), 0, 2);
    vkCmdWriteTimestamp2(commands, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, pool_.get(), 0);
}

void GpuTimer::end(VkCommandBuffer commands) {
    if (!available_) return;
    vkCmdWriteTimestamp2(commands, VK_PIPELINE_STAGE_2_BOTTOM_OF_PIPE_BIT, pool_.get(), 1);
}

std::optional<double> GpuTimer::readMs() const {
    if (!available_) return std::nullopt;
    std::uint64_t ticks[2] = {};
    const VkResult result = vkGetQueryPoolResults(device_, pool_.get(), 0, 2, sizeof ticks, ticks,
                                                  sizeof(std::uint64_t), VK_QUERY_RESULT_64_BIT);
    if (result == VK_NOT_READY) return std::nullopt;
    VK_CHECK(result);
    return static_cast<double>((ticks[1] - ticks[0]) & validMask_) * periodNs_ * 1e-6;
}

} // namespace usine::gpu
