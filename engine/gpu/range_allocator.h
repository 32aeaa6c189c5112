// Hands out aligned sub-ranges of one large block (a VkDeviceMemory, later maybe a
// buffer). Pure bookkeeping, no Vulkan: tested on its own. First fit over an ordered
// free list; freeing merges with free neighbours so the block does not fragment away.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>

namespace usine::gpu {

class RangeAllocator {
public:
    explicit RangeAllocator(std::uint64_t capacity);

    // Returns the offset of `size` bytes aligned to `alignment` (a power of two), or
    // nullopt when no free range is large enough.
    std::optional<std::uint64_t> allocate(std::uint64_t size, std::uint64_t alignment);
    // `offset` must come from allocate() and not be freed yet (else std::logic_error).
    void free(std::uint64_t offset);

    std::uint64_t capacity() const { return capacity_; }
    std::uint64_t usedBytes() const { return used_; }
    std::uint64_t largestFreeRange() const;
    std::size_t allocationCount() const { return allocated_.size(); }
    std::size_t freeRangeCount() const { return free_.size(); }
    bool empty() const { return allocated_.empty(); }

private:
    std::uint64_t capacity_;
    std::uint64_t used_ = 0;
    std::map<std::uint64_t, std::uint64_t> free_;                // offset -> size, never adjacent
    std::unordered_map<std::uint64_t, std::uint64_t> allocated_; // offset -> size
};

} // namespace usine::gpu
