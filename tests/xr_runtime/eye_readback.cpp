// Sampling eye pictures back from the swapchain images (see eye_readback.h).
#include "eye_readback.h"

#include "gpu/vulkan_struct.h"
#include "swapchain_images.h"

#include <cstdlib>
#include <cstring>
#include <utility>

namespace usine::test_runtime {

using gpu::vkStruct;

namespace {

const std::uint32_t kReadbackShader[] =
#include "eye_readback.comp.inc"
    ;

struct Region {
    std::int32_t offset[2];
    std::uint32_t size[2];
    std::uint32_t layer;
    std::uint32_t srgb;
    std::uint32_t firstPixel;
};

constexpr std::uint32_t kGroupSize = 8; // local_size_x and _y of the shader

} // namespace

EyeReadback::EyeReadback(VulkanQueueContext& gpu) : gpu_(gpu) {
    const VulkanFunctions& vk = gpu_.vk();
    const VkDevice device = gpu_.device();
    try {
        auto module = vkStruct<VkShaderModuleCreateInfo>(VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO);
        module.codeSize = sizeof(kReadbackShader);
        module.pCode = kReadbackShader;
        checkVulkan(vk.vkCreateShaderModule(device, &module, nullptr, &shader_), "vkCreateShaderModule");

        auto samplerInfo = vkStruct<VkSamplerCreateInfo>(VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO);
        samplerInfo.magFilter = VK_FILTER_NEAREST;
        samplerInfo.minFilter = VK_FILTER_NEAREST;
        samplerInfo.addressModeU = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
        samplerInfo.addressModeV = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
        samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
        checkVulkan(vk.vkCreateSampler(device, &samplerInfo, nullptr, &sampler_), "vkCreateSampler");

        std::array<VkDescriptorSetLayoutBinding, 2> bindings{};
        bindings[0] = {0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
        bindings[1] = {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
        auto setInfo = vkStruct<VkDescriptorSetLayoutCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO);
        setInfo.bindingCount = std::uint32_t(bindings.size());
        setInfo.pBindings = bindings.data();
        checkVulkan(vk.vkCreateDescriptorSetLayout(device, &setInfo, nullptr, &setLayout_), "vkCreateDescriptorSetLayout");

        const VkPushConstantRange pushRange{VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(Region)};
        auto layoutInfo = vkStruct<VkPipelineLayoutCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO);
        layoutInfo.setLayoutCount = 1;
        layoutInfo.pSetLayouts = &setLayout_;
        layoutInfo.pushConstantRangeCount = 1;
        layoutInfo.pPushConstantRanges = &pushRange;
        checkVulkan(vk.vkCreatePipelineLayout(device, &layoutInfo, nullptr, &pipelineLayout_), "vkCreatePipelineLayout");

        auto pipelineInfo = vkStruct<VkComputePipelineCreateInfo>(VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO);
        pipelineInfo.stage = vkStruct<VkPipelineShaderStageCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO);
        pipelineInfo.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
        pipelineInfo.stage.module = shader_;
        pipelineInfo.stage.pName = "main";
        pipelineInfo.layout = pipelineLayout_;
        checkVulkan(vk.vkCreateComputePipelines(device, VK_NULL_HANDLE, 1, &pipelineInfo, nullptr, &pipeline_),
                    "vkCreateComputePipelines");

        const std::array<VkDescriptorPoolSize, 2> sizes{{{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 2},
                                                         {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2}}};
        auto poolInfo = vkStruct<VkDescriptorPoolCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO);
        poolInfo.maxSets = 2;
        poolInfo.poolSizeCount = std::uint32_t(sizes.size());
        poolInfo.pPoolSizes = sizes.data();
        checkVulkan(vk.vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool_), "vkCreateDescriptorPool");
        const std::array<VkDescriptorSetLayout, 2> layouts{setLayout_, setLayout_};
        auto allocate = vkStruct<VkDescriptorSetAllocateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO);
        allocate.descriptorPool = pool_;
        allocate.descriptorSetCount = 2;
        allocate.pSetLayouts = layouts.data();
        checkVulkan(vk.vkAllocateDescriptorSets(device, &allocate, sets_.data()), "vkAllocateDescriptorSets");
    } catch (...) {
        release();
        throw;
    }
}

EyeReadback::~EyeReadback() { release(); }

void EyeReadback::release() {
    const VulkanFunctions& vk = gpu_.vk();
    const VkDevice device = gpu_.device();
    freeBuffer();
    if (pool_) vk.vkDestroyDescriptorPool(device, pool_, nullptr); // frees sets_ too
    if (pipeline_) vk.vkDestroyPipeline(device, pipeline_, nullptr);
    if (pipelineLayout_) vk.vkDestroyPipelineLayout(device, pipelineLayout_, nullptr);
    if (setLayout_) vk.vkDestroyDescriptorSetLayout(device, setLayout_, nullptr);
    if (sampler_) vk.vkDestroySampler(device, sampler_, nullptr);
    if (shader_) vk.vkDestroyShaderModule(device, shader_, nullptr);
    pool_ = VK_NULL_HANDLE;
    pipeline_ = VK_NULL_HANDLE;
    pipelineLayout_ = VK_NULL_HANDLE;
    setLayout_ = VK_NULL_HANDLE;
    sampler_ = VK_NULL_HANDLE;
    shader_ = VK_NULL_HANDLE;
}

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
    info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
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
    const VulkanFunctions& vk = gpu_.vk();
    const VkDevice device = gpu_.device();
    std::array<std::uint32_t, 2> firstPixels{};
    VkDeviceSize totalPixels = 0;
    for (int eye = 0; eye < 2; ++eye) {
        firstPixels[eye] = std::uint32_t(totalPixels);
        totalPixels += VkDeviceSize(eyes[eye].rect.extent.width) * VkDeviceSize(eyes[eye].rect.extent.height);
    }
    reserve(totalPixels * 4);

    // A view of each eye's whole image, made for this read and destroyed after it.
    std::array<VkImageView, 2> views{};
    auto destroyViews = [&] {
        for (VkImageView view : views)
            if (view) vk.vkDestroyImageView(device, view, nullptr);
    };
    try {
        for (int eye = 0; eye < 2; ++eye) {
            auto viewInfo = vkStruct<VkImageViewCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO);
            viewInfo.image = eyes[eye].image;
            viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D_ARRAY;
            viewInfo.format = eyes[eye].format;
            viewInfo.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, eyes[eye].arrayLayers};
            checkVulkan(vk.vkCreateImageView(device, &viewInfo, nullptr, &views[eye]), "vkCreateImageView");
            const VkDescriptorImageInfo image{sampler_, views[eye], VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            const VkDescriptorBufferInfo pixels{buffer_, 0, VK_WHOLE_SIZE};
            std::array<VkWriteDescriptorSet, 2> writes{};
            for (auto& write : writes) {
                write = vkStruct<VkWriteDescriptorSet>(VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET);
                write.dstSet = sets_[eye];
                write.descriptorCount = 1;
            }
            writes[0].dstBinding = 0;
            writes[0].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
            writes[0].pImageInfo = &image;
            writes[1].dstBinding = 1;
            writes[1].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
            writes[1].pBufferInfo = &pixels;
            vk.vkUpdateDescriptorSets(device, std::uint32_t(writes.size()), writes.data(), 0, nullptr);
        }

        // One barrier pair per image, even when both eyes share it (an array or side by side).
        std::vector<const EyeSource*> images;
        for (const EyeSource& eye : eyes)
            if (images.empty() || images.front()->image != eye.image) images.push_back(&eye);
        auto barriers = [&](bool toSampling) {
            std::vector<VkImageMemoryBarrier> list;
            for (const EyeSource* source : images) {
                auto barrier = vkStruct<VkImageMemoryBarrier>(VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER);
                // Whatever the application last did to the image (drawing, copying) is
                // finished before the shader reads; the next frame's work waits for it.
                barrier.srcAccessMask = toSampling ? VK_ACCESS_MEMORY_WRITE_BIT : VK_ACCESS_SHADER_READ_BIT;
                barrier.dstAccessMask = toSampling ? VK_ACCESS_SHADER_READ_BIT
                                                   : VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
                barrier.oldLayout = toSampling ? source->layout : VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
                barrier.newLayout = toSampling ? VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL : source->layout;
                barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
                barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
                barrier.image = source->image;
                barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, source->arrayLayers};
                list.push_back(barrier);
            }
            return list;
        };

        gpu_.submitAndWait([&](VkCommandBuffer commands) {
            auto toSampling = barriers(true);
            vk.vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                                    0, 0, nullptr, 0, nullptr, std::uint32_t(toSampling.size()), toSampling.data());
            vk.vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_);
            for (int eye = 0; eye < 2; ++eye) {
                const EyeSource& source = eyes[eye];
                const Region region{{source.rect.offset.x, source.rect.offset.y},
                                    {std::uint32_t(source.rect.extent.width), std::uint32_t(source.rect.extent.height)},
                                    source.arrayLayer,
                                    isSrgbFormat(source.format) ? 1u : 0u,
                                    firstPixels[eye]};
                vk.vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout_, 0, 1, &sets_[eye],
                                           0, nullptr);
                vk.vkCmdPushConstants(commands, pipelineLayout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(region), &region);
                vk.vkCmdDispatch(commands, (region.size[0] + kGroupSize - 1) / kGroupSize,
                                 (region.size[1] + kGroupSize - 1) / kGroupSize, 1);
            }
            auto back = barriers(false);
            auto hostRead = vkStruct<VkBufferMemoryBarrier>(VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER);
            hostRead.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT;
            hostRead.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
            hostRead.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
            hostRead.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
            hostRead.buffer = buffer_;
            hostRead.size = VK_WHOLE_SIZE;
            vk.vkCmdPipelineBarrier(commands, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                                    VK_PIPELINE_STAGE_ALL_COMMANDS_BIT | VK_PIPELINE_STAGE_HOST_BIT, 0, 0, nullptr, 1,
                                    &hostRead, std::uint32_t(back.size()), back.data());
        });
    } catch (...) {
        destroyViews();
        throw;
    }
    destroyViews();

    if (!coherent_) {
        auto range = vkStruct<VkMappedMemoryRange>(VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE);
        range.memory = memory_;
        range.size = VK_WHOLE_SIZE;
        checkVulkan(vk.vkInvalidateMappedMemoryRanges(device, 1, &range), "vkInvalidateMappedMemoryRanges");
    }
    std::array<EyePicture, 2> pictures;
    for (int eye = 0; eye < 2; ++eye) {
        EyePicture& picture = pictures[eye];
        picture.width = std::uint32_t(eyes[eye].rect.extent.width);
        picture.height = std::uint32_t(eyes[eye].rect.extent.height);
        const std::size_t bytes = std::size_t(picture.width) * picture.height * 4;
        const std::uint8_t* start = mapped_ + std::size_t(firstPixels[eye]) * 4;
        picture.rgba.assign(start, start + bytes); // the shader packed R in the low byte
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
