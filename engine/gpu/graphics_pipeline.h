// Graphics pipelines for dynamic rendering (no render pass objects), with the
// multiview view mask baked in: one pipeline draws both eyes.
#pragma once

#include "gpu/owned_handle.h"

#include <cstdint>
#include <span>
#include <vector>

namespace usine::gpu {

OwnedShaderModule createShaderModule(VkDevice device, std::span<const std::uint32_t> spirv);

struct GraphicsPipelineDescription {
    VkPipelineLayout layout = VK_NULL_HANDLE;
    VkShaderModule vertexShader = VK_NULL_HANDLE;
    VkShaderModule fragmentShader = VK_NULL_HANDLE; // null: depth only (a shadow map)
    std::vector<VkVertexInputBindingDescription> vertexBindings;
    std::vector<VkVertexInputAttributeDescription> vertexAttributes;
    VkFormat colorFormat = VK_FORMAT_UNDEFINED; // undefined: no colour attachment
    VkFormat depthFormat = VK_FORMAT_UNDEFINED;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    std::uint32_t viewMask = 0; // 0b11: both eyes
    VkCullModeFlags cullMode = VK_CULL_MODE_NONE;
    // Cull mode and front face set while recording (vkCmdSetCullMode, vkCmdSetFrontFace,
    // core in Vulkan 1.3): one pipeline draws single- and double-sided, mirrored or not.
    bool dynamicCulling = false;
    VkCompareOp depthCompare = VK_COMPARE_OP_GREATER_OR_EQUAL; // reversed depth
    bool depthWrite = true;
    // Depth pushed away by a constant and by the slope (shadow maps: no self-shadowing).
    float depthBiasConstant = 0;
    float depthBiasSlope = 0;
    // Blends by the fragment's alpha (text edges, see-through panels); off: replaces.
    bool alphaBlend = false;
};

OwnedPipeline createGraphicsPipeline(VkDevice device, const GraphicsPipelineDescription& description);

} // namespace usine::gpu
