// Descriptor sets of one binding each (binding 0), the only kind the renderers use: a
// frame's uniforms, an instance buffer, one texture. One place for the Vulkan
// boilerplate of their layouts, pools, allocation and writes.
#pragma once

#include "gpu/owned_handle.h"

#include <cstdint>

namespace usine::gpu {

OwnedDescriptorSetLayout singleBindingLayout(VkDevice device, VkDescriptorType type, VkShaderStageFlags stages);
// A pool of `sets` sets, each one descriptor of `type`.
OwnedDescriptorPool singleTypePool(VkDevice device, VkDescriptorType type, std::uint32_t sets);
// Throws SystemError (through VK_CHECK) when the pool is exhausted.
VkDescriptorSet allocateSet(VkDevice device, VkDescriptorPool pool, VkDescriptorSetLayout layout);
// Binding 0 of `set`: a uniform or storage buffer (`type`), or a sampled image in
// SHADER_READ_ONLY_OPTIMAL.
void writeBuffer(VkDevice device, VkDescriptorSet set, VkDescriptorType type, VkBuffer buffer, VkDeviceSize range);
void writeImage(VkDevice device, VkDescriptorSet set, VkSampler sampler, VkImageView view);

} // namespace usine::gpu
