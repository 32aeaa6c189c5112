// Block suballocation of device memory (see gpu_memory.h).
#include "gpu/gpu_memory.h"

#include "core/error.h"
#include "core/text.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>
#include <cassert>

namespace usine::gpu {

struct GpuMemory::Block {
    OwnedMemory memory;
    RangeAllocator ranges;
    void* mapped = nullptr;
    std::uint32_t memoryType = 0;
    ResourceTiling tiling = ResourceTiling::Linear;
    bool dedicated = false;
};

// --- Allocation -------------------------------------------------------------------

Allocation::~Allocation() { release(); }

Allocation::Allocation(Allocation&& other) noexcept { *this = std::move(other); }

Allocation& Allocation::operator=(Allocation&& other) noexcept {
    if (this != &other) {
        release();
        owner_ = std::exchange(other.owner_, nullptr);
        block_ = std::exchange(other.block_, nullptr);
        memory_ = std::exchange(other.memory_, VK_NULL_HANDLE);
        offset_ = other.offset_;
        size_ = other.size_;
        mapped_ = std::exchange(other.mapped_, nullptr);
    }
    return *this;
}

void Allocation::release() {
    if (owner_) owner_->release(static_cast<GpuMemory::Block*>(block_), offset_);
    owner_ = nullptr;
    block_ = nullptr;
    memory_ = VK_NULL_HANDLE;
    mapped_ = nullptr;
}

// --- GpuMemory --------------------------------------------------------------------

GpuMemory::GpuMemory(VkDevice device, VkPhysicalDevice physicalDevice, VkDeviceSize blockSize)
    : device_(device), blockSize_(blockSize) {
    vkGetPhysicalDeviceMemoryProperties(physicalDevice, &properties_);
}

GpuMemory::~GpuMemory() {
    // Every Allocation must be gone before its GpuMemory (and the device): one still
    // alive would later free into a dead allocator.
    assert(blocks_.empty() && "GPU memory destroyed while allocations are alive");
}

std::uint32_t GpuMemory::chooseMemoryType(std::uint32_t allowedTypes, MemoryUse use) const {
    VkMemoryPropertyFlags required = 0;
    VkMemoryPropertyFlags preferred = 0;
    VkMemoryPropertyFlags avoided = 0;
    switch (use) {
    case MemoryUse::DeviceLocal:
        preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
        break;
    case MemoryUse::Upload:
        // Coherent memory so no flush is ever forgotten; every desktop driver offers it.
        required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
        break;
    case MemoryUse::Readback:
        required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
        preferred = VK_MEMORY_PROPERTY_HOST_CACHED_BIT; // CPU reads of uncached memory crawl
        break;
    }
    // Lazily allocated memory cannot back ordinary resources.
    avoided = VK_MEMORY_PROPERTY_LAZILY_ALLOCATED_BIT | VK_MEMORY_PROPERTY_PROTECTED_BIT;

    int best = -1;
    int bestScore = -1;
    for (std::uint32_t i = 0; i < properties_.memoryTypeCount; ++i) {
        if (!(allowedTypes & (1u << i))) continue;
        const VkMemoryPropertyFlags flags = properties_.memoryTypes[i].propertyFlags;
        if ((flags & required) != required || (flags & avoided)) continue;
        const int score = ((flags & preferred) == preferred ? 2 : 0);
        if (score > bestScore) {
            best = static_cast<int>(i);
            bestScore = score;
        }
    }
    if (best < 0) throw SystemError("no suitable Vulkan memory type for this resource");
    return static_cast<std::uint32_t>(best);
}

GpuMemory::Block& GpuMemory::newBlock(std::uint32_t memoryType, ResourceTiling tiling, VkDeviceSize size,
                                      bool dedicated) {
    auto info = vkStruct<VkMemoryAllocateInfo>(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO);
    info.allocationSize = size;
    info.memoryTypeIndex = memoryType;
    VkDeviceMemory raw = VK_NULL_HANDLE;
    VkResult result = vkAllocateMemory(device_, &info, nullptr, &raw);
    if (result == VK_ERROR_OUT_OF_DEVICE_MEMORY || result == VK_ERROR_OUT_OF_HOST_MEMORY)
        throw UserError(concat("the GPU is out of memory (asked for ", size >> 20,
                               " MiB more); try a smaller model or picture size"));
    VK_CHECK(result);

    auto block = std::make_unique<Block>(Block{OwnedMemory(device_, raw), RangeAllocator(size), nullptr, memoryType,
                                               tiling, dedicated});
    if (properties_.memoryTypes[memoryType].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT)
        VK_CHECK(vkMapMemory(device_, raw, 0, VK_WHOLE_SIZE, 0, &block->mapped));
    blocks_.push_back(std::move(block));
    return *blocks_.back();
}

Allocation GpuMemory::allocate(const VkMemoryRequirements& requirements, MemoryUse use, ResourceTiling tiling) {
    const std::uint32_t memoryType = chooseMemoryType(requirements.memoryTypeBits, use);
    std::lock_guard lock(mutex_);

    Block* chosen = nullptr;
    std::optional<std::uint64_t> offset;
    // Big resources get a block of their own rather than fragmenting the shared ones.
    const bool dedicated = requirements.size > blockSize_ / 2;
    if (!dedicated) {
        for (auto& block : blocks_) {
            if (block->dedicated || block->memoryType != memoryType || block->tiling != tiling) continue;
            offset = block->ranges.allocate(requirements.size, requirements.alignment);
            if (offset) {
                chosen = block.get();
                break;
            }
        }
    }
    if (!chosen) {
        chosen = &newBlock(memoryType, tiling, dedicated ? requirements.size : blockSize_, dedicated);
        offset = chosen->ranges.allocate(requirements.size, requirements.alignment);
    }

    Allocation allocation;
    allocation.owner_ = this;
    allocation.block_ = chosen;
    allocation.memory_ = chosen->memory.get();
    allocation.offset_ = *offset;
    allocation.size_ = requirements.size;
    allocation.mapped_ = chosen->mapped ? static_cast<char*>(chosen->mapped) + *offset : nullptr;
    return allocation;
}

void GpuMemory::release(Block* block, VkDeviceSize offset) {
    std::lock_guard lock(mutex_);
    block->ranges.free(offset);
    if (!block->ranges.empty()) return;
    // Give empty blocks back to the driver so memory use follows the scene that is loaded.
    auto it = std::find_if(blocks_.begin(), blocks_.end(), [&](const auto& b) { return b.get() == block; });
    if (it != blocks_.end()) blocks_.erase(it);
}

GpuMemory::Stats GpuMemory::stats() const {
    std::lock_guard lock(mutex_);
    Stats stats;
    stats.blocks = blocks_.size();
    for (const auto& block : blocks_) {
        stats.allocations += block->ranges.allocationCount();
        stats.reservedBytes += block->ranges.capacity();
        stats.usedBytes += block->ranges.usedBytes();
    }
    return stats;
}

} // namespace usine::gpu
