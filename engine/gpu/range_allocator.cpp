// First-fit range allocation with coalescing on free.
#include "gpu/range_allocator.h"

#include <stdexcept>

namespace usine::gpu {

RangeAllocator::RangeAllocator(std::uint64_t capacity) : capacity_(capacity) {
    if (capacity > 0) free_.emplace(0, capacity);
}

std::optional<std::uint64_t> RangeAllocator::allocate(std::uint64_t size, std::uint64_t alignment) {
    if (size == 0 || alignment == 0 || (alignment & (alignment - 1)) != 0)
        throw std::logic_error("RangeAllocator::allocate: size must be > 0 and alignment a power of two");
    for (auto it = free_.begin(); it != free_.end(); ++it) {
        const std::uint64_t rangeStart = it->first;
        const std::uint64_t rangeEnd = it->first + it->second;
        const std::uint64_t aligned = (rangeStart + alignment - 1) & ~(alignment - 1);
        if (aligned < rangeStart || aligned > rangeEnd || rangeEnd - aligned < size) continue;

        free_.erase(it);
        // The alignment padding before, and the rest after, stay free.
        if (aligned > rangeStart) free_.emplace(rangeStart, aligned - rangeStart);
        if (aligned + size < rangeEnd) free_.emplace(aligned + size, rangeEnd - (aligned + size));
        allocated_.emplace(aligned, size);
        used_ += size;
        return aligned;
    }
    return std::nullopt;
}

void RangeAllocator::free(std::uint64_t offset) {
    auto found = allocated_.find(offset);
    if (found == allocated_.end()) throw std::logic_error("RangeAllocator::free: offset was not allocated");
    std::uint64_t start = offset;
    std::uint64_t size = found->second;
    allocated_.erase(found);
    used_ -= size;

    auto next = free_.lower_bound(start);
    if (next != free_.end() && next->first == start + size) {
        size += next->second;
        next = free_.erase(next);
    }
    if (next != free_.begin()) {
        auto previous = std::prev(next);
        if (previous->first + previous->second == start) {
            start = previous->first;
            size += previous->second;
            free_.erase(previous);
        }
    }
    free_.emplace(start, size);
}

std::uint64_t RangeAllocator::largestFreeRange() const {
    std::uint64_t largest = 0;
    for (const auto& [offset, size] : free_) largest = std::max(largest, size);
    return largest;
}

} // namespace usine::gpu
