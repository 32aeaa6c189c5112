// Buffer creation on suballocated memory.
#include "gpu/gpu_buffer.h"

#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

namespace usine::gpu {

GpuBuffer createBuffer(GpuContext& context, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUse use) {
    auto info = vkStruct<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
    info.size = size;
    info.usage = usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkBuffer raw;
    VK_CHECK(vkCreateBuffer(context.device(), &info, nullptr, &raw));
    GpuBuffer result;
    result.buffer = OwnedBuffer(context.device(), raw);
    result.size = size;

    VkMemoryRequirements requirements;
    vkGetBufferMemoryRequirements(context.device(), raw, &requirements);
    result.allocation = context.memory().allocate(requirements, use, ResourceTiling::Linear);
    VK_CHECK(vkBindBufferMemory(context.device(), raw, result.allocation.memory(), result.allocation.offset()));
    return result;
}

} // namespace usine::gpu
