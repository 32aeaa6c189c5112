// The suballocator's bookkeeping: alignment, exhaustion, reuse and coalescing.
#include "gpu/range_allocator.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>

using usine::gpu::RangeAllocator;

TEST_CASE("allocations are aligned and do not overlap", "[allocator]") {
    RangeAllocator ranges(1024);
    const auto a = ranges.allocate(10, 1);
    const auto b = ranges.allocate(100, 256);
    const auto c = ranges.allocate(16, 64);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(*a == 0);
    CHECK(*b % 256 == 0);
    CHECK(*c % 64 == 0);
    CHECK((*b >= *a + 10));
    CHECK((*c >= *b + 100 || *c + 16 <= *b));
    CHECK(ranges.usedBytes() == 126);
    CHECK(ranges.allocationCount() == 3);
}

TEST_CASE("a full block says so instead of overlapping", "[allocator]") {
    RangeAllocator ranges(256);
    CHECK(ranges.allocate(256, 1) == 0u);
    CHECK_FALSE(ranges.allocate(1, 1));
    ranges.free(0);
    CHECK(ranges.allocate(200, 1) == 0u);
    CHECK_FALSE(ranges.allocate(100, 1));
}

TEST_CASE("freed neighbours merge back into one range", "[allocator]") {
    RangeAllocator ranges(300);
    const auto a = *ranges.allocate(100, 1);
    const auto b = *ranges.allocate(100, 1);
    const auto c = *ranges.allocate(100, 1);
    ranges.free(a);
    ranges.free(c);
    CHECK(ranges.largestFreeRange() == 100);
    ranges.free(b); // joins both sides
    CHECK(ranges.freeRangeCount() == 1);
    CHECK(ranges.largestFreeRange() == 300);
    CHECK(ranges.empty());
}

TEST_CASE("freeing an unknown offset is a bug and is refused", "[allocator]") {
    RangeAllocator ranges(100);
    CHECK_THROWS_AS(ranges.free(3), std::logic_error);
    CHECK_THROWS_AS(ranges.allocate(8, 3), std::logic_error); // alignment not a power of two
}

TEST_CASE("random allocation and release keeps every invariant", "[allocator]") {
    RangeAllocator ranges(1 << 20);
    std::mt19937 random(1234);
    std::map<std::uint64_t, std::uint64_t> live; // offset -> size
    for (int step = 0; step < 20000; ++step) {
        if (live.empty() || random() % 3 != 0) {
            const std::uint64_t size = 1 + random() % 5000;
            const std::uint64_t alignment = 1ull << (random() % 9);
            if (auto offset = ranges.allocate(size, alignment)) {
                REQUIRE(*offset % alignment == 0);
                REQUIRE(*offset + size <= ranges.capacity());
                // No overlap with the neighbours in offset order.
                auto next = live.lower_bound(*offset);
                if (next != live.end()) REQUIRE(*offset + size <= next->first);
                if (next != live.begin()) REQUIRE(std::prev(next)->first + std::prev(next)->second <= *offset);
                live[*offset] = size;
            }
        } else {
            auto it = live.begin();
            std::advance(it, random() % live.size());
            ranges.free(it->first);
            live.erase(it);
        }
        if (step % 1000 == 0) {
            std::uint64_t used = 0;
            for (const auto& [offset, size] : live) used += size;
            REQUIRE(ranges.usedBytes() == used);
        }
    }
    for (const auto& [offset, size] : live) ranges.free(offset);
    CHECK(ranges.empty());
    CHECK(ranges.freeRangeCount() == 1);
    CHECK(ranges.largestFreeRange() == ranges.capacity());
}
