// Shadow map images, pipeline and recording.
#include "render/shadow_map.h"

#include "gpu/barriers.h"
#include "gpu/descriptor_sets.h"
#include "gpu/gpu_context.h"
#include "gpu/graphics_pipeline.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"
#include "render/embedded_shaders.h"
#include "render/frame_uniforms.h"
#include "render/gpu_scene.h"
#include "render/mesh_vertex_input.h"
#include "scene/model.h"

namespace usine::render {

using namespace usine::gpu;

namespace {

const VkImageSubresourceRange kDepthRange{VK_IMAGE_ASPECT_DEPTH_BIT, 0, 1, 0, 1};

} // namespace

ShadowMap::ShadowMap(GpuContext& context, std::uint32_t size, VkDescriptorSetLayout frameSetLayout,
                     VkDescriptorSetLayout shadowSetLayout)
    : size_(size) {
    const VkDevice device = context.device();
    auto samplerInfo = vkStruct<VkSamplerCreateInfo>(VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO);
    // Linear filtering of a comparison: each tap is already a 2x2 percentage-closer filter.
    samplerInfo.magFilter = VK_FILTER_LINEAR;
    samplerInfo.minFilter = VK_FILTER_LINEAR;
    samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
    // Outside the map: depth 1, the far side of the scene: never in shadow.
    samplerInfo.addressModeU = samplerInfo.addressModeV = samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
    samplerInfo.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;
    samplerInfo.compareEnable = VK_TRUE;
    samplerInfo.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL; // lit when no nearer depth
    VkSampler sampler;
    VK_CHECK(vkCreateSampler(device, &samplerInfo, nullptr, &sampler));
    sampler_ = OwnedSampler(device, sampler);

    pool_ = singleTypePool(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, static_cast<std::uint32_t>(slots_.size()));
    for (Slot& slot : slots_) {
        ImageDescription description;
        description.format = kFormat;
        description.extent = {size, size};
        description.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT |
                            VK_IMAGE_USAGE_TRANSFER_DST_BIT;
        description.aspect = VK_IMAGE_ASPECT_DEPTH_BIT;
        slot.depth = createImage(context, description);
        slot.set = allocateSet(device, pool_.get(), shadowSetLayout);
        writeImage(device, slot.set, sampler, slot.depth.view.get());
    }

    auto layoutInfo = vkStruct<VkPipelineLayoutCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO);
    layoutInfo.setLayoutCount = 1;
    layoutInfo.pSetLayouts = &frameSetLayout;
    VkPipelineLayout layout;
    VK_CHECK(vkCreatePipelineLayout(device, &layoutInfo, nullptr, &layout));
    layout_ = OwnedPipelineLayout(device, layout);

    OwnedShaderModule vertex = createShaderModule(device, shaders::shadowVertex());
    GraphicsPipelineDescription description;
    description.layout = layout;
    description.vertexShader = vertex.get();
    setMeshVertexInput(description, 0); // positions and the instances' rows only
    description.depthFormat = kFormat;
    description.depthCompare = VK_COMPARE_OP_LESS_OR_EQUAL; // depth 0 at the light
    // Both faces cast (CAD's open shells and mixed winding), pushed back a little so a
    // lit surface does not shadow itself; the mesh shader adds a normal offset.
    description.cullMode = VK_CULL_MODE_NONE;
    description.depthBiasConstant = 2.0f;
    description.depthBiasSlope = 2.0f;
    pipeline_ = createGraphicsPipeline(device, description);
}

void ShadowMap::record(VkCommandBuffer commands, const GpuScene& scene, std::uint32_t slotIndex,
                       VkDescriptorSet frameSet, bool draw) {
    Slot& slot = slots_.at(slotIndex);
    const VkImage image = slot.depth.image.get();
    if (!draw) {
        if (slot.cleared) return; // still "nothing in shadow", still readable
        transition(commands, {image, kDepthRange, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                              VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                              VK_ACCESS_2_TRANSFER_WRITE_BIT});
        const VkClearDepthStencilValue far{1.0f, 0};
        vkCmdClearDepthStencilImage(commands, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &far, 1, &kDepthRange);
        transition(commands, {image, kDepthRange, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                              VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                              VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                              VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        slot.cleared = true;
        return;
    }
    slot.cleared = false;
    // The frame two back sampled it; its contents are redrawn whole.
    transition(commands, {image, kDepthRange, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                          VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_NONE,
                          VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                          VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT});
    auto depth = vkStruct<VkRenderingAttachmentInfo>(VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO);
    depth.imageView = slot.depth.view.get();
    depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    depth.clearValue.depthStencil = {1.0f, 0};
    auto rendering = vkStruct<VkRenderingInfo>(VK_STRUCTURE_TYPE_RENDERING_INFO);
    rendering.renderArea = {{0, 0}, {size_, size_}};
    rendering.layerCount = 1;
    rendering.pDepthAttachment = &depth;
    vkCmdBeginRendering(commands, &rendering);
    const VkViewport viewport{0, 0, float(size_), float(size_), 0, 1};
    const VkRect2D scissor{{0, 0}, {size_, size_}};
    vkCmdSetViewport(commands, 0, 1, &viewport);
    vkCmdSetScissor(commands, 0, 1, &scissor);
    vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.get());
    vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_.get(), 0, 1, &frameSet, 0, nullptr);
    const VkBuffer buffers[] = {scene.vertexBuffer(), scene.instanceBuffer(slotIndex)};
    const VkDeviceSize offsets[] = {0, 0};
    vkCmdBindVertexBuffers(commands, 0, 2, buffers, offsets);
    vkCmdBindIndexBuffer(commands, scene.indexBuffer(), 0, VK_INDEX_TYPE_UINT32);
    for (const DrawCommand& draw : scene.shadowDraws())
        vkCmdDrawIndexed(commands, draw.indexCount, draw.instanceCount, draw.firstIndex, draw.vertexOffset,
                         draw.firstInstance);
    vkCmdEndRendering(commands);
    transition(commands, {image, kDepthRange, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                          VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                          VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                          VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
}

} // namespace usine::render
