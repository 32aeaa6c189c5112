// Image layout transitions with synchronization2, spelled out at each use so the
// reader sees which stage waits for which.
#pragma once

#include <vulkan/vulkan.h>

namespace usine::gpu {

struct ImageTransition {
    VkImage image = VK_NULL_HANDLE;
    VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, VK_REMAINING_MIP_LEVELS, 0, VK_REMAINING_ARRAY_LAYERS};
    VkImageLayout from = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImageLayout to = VK_IMAGE_LAYOUT_UNDEFINED;
    VkPipelineStageFlags2 srcStage = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 srcAccess = VK_ACCESS_2_NONE;
    VkPipelineStageFlags2 dstStage = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 dstAccess = VK_ACCESS_2_NONE;
};

void transition(VkCommandBuffer commands, const ImageTransition& t);

// Makes writes by one stage visible to another, for buffers and images alike.
void memoryBarrier(VkCommandBuffer commands, VkPipelineStageFlags2 srcStage, VkAccessFlags2 srcAccess,
                   VkPipelineStageFlags2 dstStage, VkAccessFlags2 dstAccess);

} // namespace usine::gpu
