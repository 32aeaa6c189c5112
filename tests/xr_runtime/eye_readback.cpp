// Copying eye pictures back from the swapchain images (see eye_readback.h).
#include "eye_readback.h"

#include "gpu/vulkan_struct.h"
#include "swapchain_images.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <utility>

namespace usine::test_runtime {

using gpu::vkStruct;

EyeReadback::~EyeReadback() { freeBuffer(); }

void EyeReadback::freeBuffer() {
    const VulkanFunctions& vk = gpu_.vk();
    if (mapped_) vk.vkUnmapMemory(gpu_.device(), memory_);
    if (buffer_) vk.vkDestroyBuffer(gpu_.device(), buffer_, nullptr);
    if (memory_) vk.vkFreeMemory(gpu_.device(), memory_, nullptr);
    mapped_ = nullptr;
    buffer_ = VK_NULL_HANDLE;
    memory_ = VK_NULL_HANDLE;
    capacity_ = 0;
}

void EyeReadback::reserve(VkDeviceSize bytes) {
    if (bytes <= capacity_) return;
    freeBuffer();
    const VulkanFunctions& vk = gpu_.vk();
    auto info = vkStruct<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
    info.size = bytes;
    info.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    checkVulkan(vk.vkCreateBuffer(gpu_.device(), &info, nullptr, &buffer_), "vkCreateBuffer");
    VkMemoryRequirements needs{};
    vk.vkGetBufferMemoryRequirements(gpu_.device(), buffer_, &needs);
    auto allocate = vkStruct<VkMemoryAllocateInfo>(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO);
    allocate.allocationSize = needs.size;
    try {
        allocate.memoryTypeIndex = gpu_.memoryType(needs.memoryTypeBits, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                                                               VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
        coherent_ = true;
    } catch (const std::runtime_error&) {
        allocate.memoryTypeIndex = gpu_.memoryType(needs.memoryTypeBits, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
        coherent_ = false;
    }
    checkVulkan(vk.vkAllocateMemory(gpu_.device(), &allocate, nullptr, &memory_), "vkAllocateMemory");
    checkVulkan(vk.vkBindBufferMemory(gpu_.device(), buffer_, memory_, 0), "vkBindBufferMemory");
    void* mapped = nullptr;
    checkVulkan(vk.vkMapMemory(gpu_.device(), memory_, 0, VK_WHOLE_SIZE, 0, &mapped), "vkMapMemory");
    mapped_ = static_cast<std::uint8_t*>(mapped);
    capacity_ = bytes;
}

std::array<EyePicture, 2> EyeReadback::read(const std::array<EyeSource, 2>& eyes) {
    std::array<VkDeviceSize, 2> offsets{};
    VkDeviceSize total = 0;
    for (int eye = 0; eye < 2; ++eye) {
        offsets[eye] = total;
        total += VkDeviceSize(eyes[eye].rect.extent.width) * VkDeviceSize(eyes[eye].rect.extent.height) * 4;
    }
    reserve(total);

    // One barrier pair per image layer, even when both eyes share it (side by side).
    std::map<std::pair<VkImage, std::uint32_t>, bool> layers;
    for (const EyeSource& eye : eyes) layers[{eye.image, eye.arrayLayer}] = true;
    auto barriersTo = [&](VkImageLayout from, VkImageLayout to, VkAccessFlags src, VkAccessFlags dst) {
        std::vector<VkImageMemoryBarrier> barriers;
        for (const auto& [key, unused] : layers) {
            auto barrier = vkStruct<VkImageMemoryBarrier>(VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER);
            barrier.srcAccessMask = src;
            barrier.dstAccessMask = dst;
            barrier.oldLayout = from;
            barrier.newLayout = to;
            barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
            barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
            barrier.image = key.first;
            barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, key.second, 1};
            barriers.push_back(barrier);
        }
        return barriers;
    };

    gpu_.submitAndWait([&](VkCommandBuffer commands) {
        const VulkanFunctions& vk = gpu_.vk();
        // The application's rendering, submitted earlier on this queue, must be finished
        // writing before the copy reads.
        auto toCopy = barriersTo(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                                 VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT);
        vk.vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT,
                                0, 0, nullptr, 0, nullptr, std::uint32_t(toCopy.size()), toCopy.data());
        for (int eye = 0; eye < 2; ++eye) {
            VkBufferImageCopy region{};
            region.bufferOffset = offsets[eye];
            region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, eyes[eye].arrayLayer, 1};
            region.imageOffset = {eyes[eye].rect.offset.x, eyes[eye].rect.offset.y, 0};
            region.imageExtent = {std::uint32_t(eyes[eye].rect.extent.width),
                                  std::uint32_t(eyes[eye].rect.extent.height), 1};
            vk.vkCmdCopyImageToBuffer(commands, eyes[eye].image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer_, 1,
                                      &region);
        }
        // Back to the layout the application will find at its next acquire; the next
        // frame's rendering waits for the copy through this barrier.
        auto back = barriersTo(VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, 0,
                               VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT);
        auto hostRead = vkStruct<VkBufferMemoryBarrier>(VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER);
        hostRead.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        hostRead.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
        hostRead.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        hostRead.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        hostRead.buffer = buffer_;
        hostRead.size = VK_WHOLE_SIZE;
        vk.vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_TRANSFER_BIT,
                                VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_HOST_BIT, 0, 0,
                                nullptr, 1, &hostRead, std::uint32_t(back.size()), back.data());
    });

    if (!coherent_) {
        auto range = vkStruct<VkMappedMemoryRange>(VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE);
        range.memory = memory_;
        range.size = VK_WHOLE_SIZE;
        checkVulkan(gpu_.vk().vkInvalidateMappedMemoryRanges(gpu_.device(), 1, &range),
                    "vkInvalidateMappedMemoryRanges");
    }
    std::array<EyePicture, 2> pictures;
    for (int eye = 0; eye < 2; ++eye) {
        EyePicture& picture = pictures[eye];
        picture.width = std::uint32_t(eyes[eye].rect.extent.width);
        picture.height = std::uint32_t(eyes[eye].rect.extent.height);
        const std::size_t bytes = std::size_t(picture.width) * picture.height * 4;
        picture.rgba.assign(mapped_ + offsets[eye], mapped_ + offsets[eye] + bytes);
        if (isBlueFirstFormat(eyes[eye].format))
            for (std::size_t i = 0; i < bytes; i += 4) std::swap(picture.rgba[i], picture.rgba[i + 2]);
    }
    return pictures;
}

std::int64_t countDrawnPixels(const EyePicture& picture) {
    if (picture.rgba.size() < 4) return 0;
    const std::uint8_t* first = picture.rgba.data();
    std::int64_t drawn = 0;
    for (std::size_t i = 0; i + 3 < picture.rgba.size(); i += 4) {
        for (int channel = 0; channel < 3; ++channel) {
            if (std::abs(int(picture.rgba[i + channel]) - int(first[channel])) > 8) {
                ++drawn;
                break;
            }
        }
    }
    return drawn;
}

} // namespace usine::test_runtime
