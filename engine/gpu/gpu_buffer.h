// A VkBuffer with its memory. Upload and Readback buffers are mapped for their lifetime.
#pragma once

#include "gpu/gpu_memory.h"
#include "gpu/owned_handle.h"

namespace usine::gpu {

class GpuContext;

struct GpuBuffer {
    OwnedBuffer buffer;
    Allocation allocation;
    VkDeviceSize size = 0;

    VkBuffer get() const { return buffer.get(); }
    void* mapped() const { return allocation.mapped(); }
};

GpuBuffer createBuffer(GpuContext& context, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUse use);

} // namespace usine::gpu
