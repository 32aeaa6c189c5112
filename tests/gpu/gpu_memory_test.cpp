// Device memory suballocation on a real driver.
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_context.h"
#include "gpu/gpu_image.h"
#include "support/gpu_test_context.h"

#include <catch2/catch.hpp>
#include <cstring>

using namespace usine;
using namespace usine::gpu;

TEST_CASE("many small buffers share a few blocks, and blocks are returned when empty", "[memory]") {
    GpuContext& gpu = testing::sharedGpu();
    const auto before = gpu.memory().stats();
    {
        std::vector<GpuBuffer> buffers;
        for (int i = 0; i < 500; ++i)
            buffers.push_back(createBuffer(gpu, 4096 + i, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, MemoryUse::DeviceLocal));
        const auto during = gpu.memory().stats();
        CHECK(during.allocations == before.allocations + 500);
        CHECK(during.blocks <= before.blocks + 2);
        // Every buffer is bound to its own range.
        for (std::size_t i = 1; i < buffers.size(); ++i)
            if (buffers[i].allocation.memory() == buffers[i - 1].allocation.memory())
                CHECK(buffers[i].allocation.offset() != buffers[i - 1].allocation.offset());
    }
    const auto after = gpu.memory().stats();
    CHECK(after.allocations == before.allocations);
    CHECK(after.blocks == before.blocks);
}

TEST_CASE("a resource larger than half a block gets a block of its own", "[memory]") {
    GpuContext& gpu = testing::sharedGpu();
    const auto before = gpu.memory().stats();
    GpuBuffer big = createBuffer(gpu, GpuMemory::kDefaultBlockSize, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                 MemoryUse::DeviceLocal);
    const auto during = gpu.memory().stats();
    CHECK(during.blocks == before.blocks + 1);
    CHECK(big.allocation.offset() == 0);
}

TEST_CASE("upload memory is mapped and readable by the GPU", "[memory]") {
    GpuContext& gpu = testing::sharedGpu();
    GpuBuffer source = createBuffer(gpu, 1024, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUse::Upload);
    GpuBuffer target = createBuffer(gpu, 1024, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Readback);
    REQUIRE(source.mapped());
    REQUIRE(target.mapped());
    for (int i = 0; i < 1024; ++i) static_cast<std::uint8_t*>(source.mapped())[i] = static_cast<std::uint8_t>(i);
    gpu.submitAndWait([&](VkCommandBuffer commands) {
        const VkBufferCopy region{0, 0, 1024};
        vkCmdCopyBuffer(commands, source.get(), target.get(), 1, &region);
    });
    CHECK(std::memcmp(source.mapped(), target.mapped(), 1024) == 0);
}

TEST_CASE("images and buffers live in separate blocks", "[memory]") {
    GpuContext& gpu = testing::sharedGpu();
    ImageDescription description;
    description.extent = {64, 64};
    description.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    GpuImage image = createImage(gpu, description);
    GpuBuffer buffer = createBuffer(gpu, 4096, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, MemoryUse::DeviceLocal);
    CHECK(image.allocation.memory() != buffer.allocation.memory());
}
