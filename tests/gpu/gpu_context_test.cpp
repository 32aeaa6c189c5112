// The GPU layer on lavapipe: capabilities, the validation net, and instance/device
// creation through someone else's VulkanCreator (as OpenXR will do it).
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_context.h"
#include "gpu/vulkan_struct.h"
#include "support/gpu_test_context.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::gpu;

TEST_CASE("the test GPU has what stereo rendering needs", "[gpu]") {
    GpuContext& gpu = testing::sharedGpu();
    const GpuCapabilities& caps = gpu.capabilities();
    INFO("GPU: " << caps.name);
    CHECK(caps.apiVersion >= VK_API_VERSION_1_3);
    CHECK(caps.maxMultiviewViewCount >= 2);
    CHECK(caps.maxColorDepthSamples >= VK_SAMPLE_COUNT_4_BIT);
    CHECK(gpu.validationEnabled());
}

TEST_CASE("a deliberate Vulkan violation is caught by the validation net", "[gpu][validation]") {
    // Its own context, so the violation does not count against the shared GPU.
    GpuOptions options;
    options.validation = true;
    GpuContext gpu(options);
    REQUIRE(gpu.validationMessages().count() == 0);

    // A buffer of size 0 is forbidden (VUID-VkBufferCreateInfo-size-00912).
    auto info = vkStruct<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
    info.size = 0;
    info.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    VkBuffer buffer = VK_NULL_HANDLE;
    vkCreateBuffer(gpu.device(), &info, nullptr, &buffer);
    if (buffer) vkDestroyBuffer(gpu.device(), buffer, nullptr);

    const auto messages = gpu.validationMessages().messages();
    REQUIRE(messages.size() >= 1);
    CHECK_THAT(messages.front(), Catch::Contains("VUID-VkBufferCreateInfo-size-00912"));
}

namespace {
// Creates through plain Vulkan but records that it was asked, as the OpenXR display will.
class RecordingCreator final : public VulkanCreator {
public:
    VkInstance createInstance(const VkInstanceCreateInfo& info) override {
        ++instances;
        return direct.createInstance(info);
    }
    VkPhysicalDevice requiredPhysicalDevice(VkInstance instance) override {
        std::uint32_t count = 1;
        VkPhysicalDevice first = VK_NULL_HANDLE;
        vkEnumeratePhysicalDevices(instance, &count, &first);
        named = first;
        return first;
    }
    VkDevice createDevice(VkPhysicalDevice physicalDevice, const VkDeviceCreateInfo& info) override {
        ++devices;
        // The GPU layer must ask for multiview in the device it hands us to create.
        for (auto* next = static_cast<const VkBaseInStructure*>(info.pNext); next; next = next->pNext)
            if (next->sType == VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES)
                askedForMultiview = reinterpret_cast<const VkPhysicalDeviceVulkan11Features*>(next)->multiview;
        return direct.createDevice(physicalDevice, info);
    }
    DirectVulkanCreator direct;
    int instances = 0;
    int devices = 0;
    bool askedForMultiview = false;
    VkPhysicalDevice named = VK_NULL_HANDLE;
};
} // namespace

TEST_CASE("instance and device can be created by someone else, on the GPU they name", "[gpu]") {
    RecordingCreator creator;
    GpuOptions options;
    options.validation = true;
    {
        GpuContext gpu(options, creator);
        CHECK(creator.instances == 1);
        CHECK(creator.devices == 1);
        CHECK(creator.askedForMultiview);
        CHECK(gpu.physicalDevice() == creator.named);
        // And the context works: a buffer round trip through the queue.
        GpuBuffer buffer = createBuffer(gpu, 256, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Readback);
        gpu.submitAndWait([&](VkCommandBuffer commands) { vkCmdFillBuffer(commands, buffer.get(), 0, 256, 0x01020304u); });
        CHECK(static_cast<const std::uint32_t*>(buffer.mapped())[63] == 0x01020304u);
        CHECK(gpu.validationMessages().count() == 0);
    }
}
