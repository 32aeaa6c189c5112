// One-binding descriptor sets (see descriptor_sets.h).
#include "gpu/descriptor_sets.h"

#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

namespace usine::gpu {

OwnedDescriptorSetLayout singleBindingLayout(VkDevice device, VkDescriptorType type, VkShaderStageFlags stages) {
    VkDescriptorSetLayoutBinding binding{0, type, 1, stages, nullptr};
    auto info = vkStruct<VkDescriptorSetLayoutCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO);
    info.bindingCount = 1;
    info.pBindings = &binding;
    VkDescriptorSetLayout layout;
    VK_CHECK(vkCreateDescriptorSetLayout(device, &info, nullptr, &layout));
    return OwnedDescriptorSetLayout(device, layout);
}

OwnedDescriptorPool singleTypePool(VkDevice device, VkDescriptorType type, std::uint32_t sets) {
    const VkDescriptorPoolSize size{type, sets};
    auto info = vkStruct<VkDescriptorPoolCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO);
    info.maxSets = sets;
    info.poolSizeCount = 1;
    info.pPoolSizes = &size;
    VkDescriptorPool pool;
    VK_CHECK(vkCreateDescriptorPool(device, &info, nullptr, &pool));
    return OwnedDescriptorPool(device, pool);
}

VkDescriptorSet allocateSet(VkDevice device, VkDescriptorPool pool, VkDescriptorSetLayout layout) {
    auto allocate = vkStruct<VkDescriptorSetAllocateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO);
    allocate.descriptorPool = pool;
    allocate.descriptorSetCount = 1;
    allocate.pSetLayouts = &layout;
    VkDescriptorSet set = VK_NULL_HANDLE;
    VK_CHECK(vkAllocateDescriptorSets(device, &allocate, &set));
    return set;
}

void writeBuffer(VkDevice device, VkDescriptorSet set, VkDescriptorType type, VkBuffer buffer, VkDeviceSize range) {
    const VkDescriptorBufferInfo bufferInfo{buffer, 0, range};
    auto write = vkStruct<VkWriteDescriptorSet>(VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET);
    write.dstSet = set;
    write.descriptorCount = 1;
    write.descriptorType = type;
    write.pBufferInfo = &bufferInfo;
    vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
}

void writeImage(VkDevice device, VkDescriptorSet set, VkSampler sampler, VkImageView view) {
    const VkDescriptorImageInfo imageInfo{sampler, view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    auto write = vkStruct<VkWriteDescriptorSet>(VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET);
    write.dstSet = set;
    write.descriptorCount = 1;
    write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    write.pImageInfo = &imageInfo;
    vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
}

} // namespace usine::gpu
