// Device memory for buffers and images, suballocated from a few large blocks (Debian 12
// has no VMA package, and one vkAllocateMemory per resource would hit driver limits on a
// plant with thousands of parts). Host-visible blocks stay mapped for their lifetime.
// Buffers and optimal-tiling images live in separate blocks, so bufferImageGranularity
// never has to be considered between neighbours.
#pragma once

#include "gpu/owned_handle.h"
#include "gpu/range_allocator.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>
#include <vulkan/vulkan.h>

namespace usine::gpu {

enum class MemoryUse {
    DeviceLocal, // fastest for the GPU; not mapped
    Upload,      // written by the CPU once or each frame (staging, per-frame constants)
    Readback,    // read by the CPU after the GPU wrote it (screenshots, queries)
};

enum class ResourceTiling { Linear, Optimal };

class GpuMemory;

// A range of device memory; returns itself to its GpuMemory when destroyed.
class Allocation {
public:
    Allocation() = default;
    ~Allocation();
    Allocation(Allocation&& other) noexcept;
    Allocation& operator=(Allocation&& other) noexcept;
    Allocation(const Allocation&) = delete;
    Allocation& operator=(const Allocation&) = delete;

    VkDeviceMemory memory() const { return memory_; }
    VkDeviceSize offset() const { return offset_; }
    VkDeviceSize size() const { return size_; }
    // Start of this allocation in host memory, or nullptr when not host-visible.
    void* mapped() const { return mapped_; }

private:
    friend class GpuMemory;
    void release();

    GpuMemory* owner_ = nullptr;
    void* block_ = nullptr; // GpuMemory's block, opaque here
    VkDeviceMemory memory_ = VK_NULL_HANDLE;
    VkDeviceSize offset_ = 0;
    VkDeviceSize size_ = 0;
    void* mapped_ = nullptr;
};

class GpuMemory {
public:
    static constexpr VkDeviceSize kDefaultBlockSize = 64ull << 20;

    GpuMemory(VkDevice device, VkPhysicalDevice physicalDevice, VkDeviceSize blockSize = kDefaultBlockSize);
    ~GpuMemory();
    GpuMemory(const GpuMemory&) = delete;
    GpuMemory& operator=(const GpuMemory&) = delete;

    Allocation allocate(const VkMemoryRequirements& requirements, MemoryUse use, ResourceTiling tiling);

    struct Stats {
        std::size_t blocks = 0;
        std::size_t allocations = 0;
        VkDeviceSize reservedBytes = 0; // vkAllocateMemory'd
        VkDeviceSize usedBytes = 0;     // handed out
    };
    Stats stats() const;

private:
    friend class Allocation;
    struct Block;
    void release(Block* block, VkDeviceSize offset);
    std::uint32_t chooseMemoryType(std::uint32_t allowedTypes, MemoryUse use) const;
    Block& newBlock(std::uint32_t memoryType, ResourceTiling tiling, VkDeviceSize size, bool dedicated);

    VkDevice device_;
    VkPhysicalDeviceMemoryProperties properties_{};
    VkDeviceSize blockSize_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Block>> blocks_;
};

} // namespace usine::gpu
