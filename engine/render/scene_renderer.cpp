// Mesh pipeline creation and draw recording.
#include "render/scene_renderer.h"

#include "scene/model.h"
#include "gpu/descriptor_sets.h"
#include "gpu/gpu_context.h"
#include "gpu/graphics_pipeline.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"
#include "render/embedded_shaders.h"
#include "render/gpu_scene.h"
#include "render/mesh_vertex_input.h"

#include <cstring>

namespace usine::render {

using namespace usine::gpu;

SceneRenderer::SceneRenderer(GpuContext& context, VkFormat colorFormat, VkFormat depthFormat,
                             VkSampleCountFlagBits samples, StereoPasses passes) {
    const VkDevice device = context.device();
    frameLayout_ = singleBindingLayout(device, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
                                       VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT);
    textureLayout_ = singleBindingLayout(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT);
    shadowLayout_ = singleBindingLayout(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT);

    const VkDescriptorSetLayout setLayouts[] = {frameLayout_.get(), textureLayout_.get(), shadowLayout_.get()};
    const VkPushConstantRange pushRange{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                                        kDrawConstantsSize};
    auto layoutInfo = vkStruct<VkPipelineLayoutCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO);
    layoutInfo.setLayoutCount = 3;
    layoutInfo.pSetLayouts = setLayouts;
    layoutInfo.pushConstantRangeCount = 1;
    layoutInfo.pPushConstantRanges = &pushRange;
    VkPipelineLayout pipelineLayout;
    VK_CHECK(vkCreatePipelineLayout(device, &layoutInfo, nullptr, &pipelineLayout));
    pipelineLayout_ = OwnedPipelineLayout(device, pipelineLayout);

    OwnedShaderModule texturedVertex = createShaderModule(device, shaders::meshVertex());
    OwnedShaderModule texturedFragment = createShaderModule(device, shaders::meshFragment());
    OwnedShaderModule untexturedVertex = createShaderModule(device, shaders::meshUntexturedVertex());
    OwnedShaderModule untexturedFragment = createShaderModule(device, shaders::meshUntexturedFragment());
    GraphicsPipelineDescription description;
    description.layout = pipelineLayout;
    setMeshVertexInput(description, kMeshNormal | kMeshUv | kMeshColor | kInstanceTint);
    description.colorFormat = colorFormat;
    description.depthFormat = depthFormat;
    description.samples = samples;
    description.viewMask = passes == StereoPasses::OneMultiviewPass ? 0b11 : 0;
    // Single-sided materials are culled from behind, double-sided ones not, and mirrored
    // copies flip the winding: all set per draw.
    description.dynamicCulling = true;
    description.vertexShader = texturedVertex.get();
    description.fragmentShader = texturedFragment.get();
    texturedPipeline_ = createGraphicsPipeline(device, description);
    description.vertexShader = untexturedVertex.get();
    setMeshVertexInput(description, kMeshNormal | kMeshColor | kInstanceTint); // no texture coordinates
    description.fragmentShader = untexturedFragment.get();
    untexturedPipeline_ = createGraphicsPipeline(device, description);

    framePool_ = singleTypePool(device, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, static_cast<std::uint32_t>(slots_.size()));
    for (FrameSlot& slot : slots_) {
        slot.uniforms = createBuffer(context, sizeof(FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, MemoryUse::Upload);
        slot.set = allocateSet(device, framePool_.get(), frameLayout_.get());
        writeBuffer(device, slot.set, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, slot.uniforms.get(), sizeof(FrameUniforms));
    }
}

void SceneRenderer::setFrameUniforms(std::uint32_t slot, const FrameUniforms& uniforms) {
    std::memcpy(slots_.at(slot).uniforms.mapped(), &uniforms, sizeof uniforms);
}

void SceneRenderer::draw(VkCommandBuffer commands, const GpuScene& scene, VkExtent2D extent, std::uint32_t firstEye,
                         std::uint32_t slot, VkDescriptorSet shadowSet) const {
    constexpr VkShaderStageFlags kStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
    if (scene.draws().empty()) return;
    // Viewport with positive height: our projection already flips Y for Vulkan.
    const VkViewport viewport{0, 0, static_cast<float>(extent.width), static_cast<float>(extent.height), 0, 1};
    const VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(commands, 0, 1, &viewport);
    vkCmdSetScissor(commands, 0, 1, &scissor);
    vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS,
                      scene.draws().front().textured ? texturedPipeline_.get() : untexturedPipeline_.get());
    vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 0, 1, &slots_.at(slot).set,
                            0, nullptr);
    vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 2, 1, &shadowSet, 0,
                            nullptr);
    const VkBuffer vertexBuffers[] = {scene.vertexBuffer(), scene.instanceBuffer(slot)};
    const VkDeviceSize zeros[] = {0, 0};
    vkCmdBindVertexBuffers(commands, 0, 2, vertexBuffers, zeros);
    vkCmdBindIndexBuffer(commands, scene.indexBuffer(), 0, VK_INDEX_TYPE_UINT32);

    // Draws come sorted by pipeline, culling state, then material: each changes rarely.
    bool dynamicBound = false;
    int boundPipeline = -1, boundCulling = -1;
    std::uint32_t boundMaterial = UINT32_MAX;
    VkDescriptorSet boundTexture = VK_NULL_HANDLE;
    for (const DrawCommand& draw : scene.draws()) {
        if (draw.dynamic && !dynamicBound) { // the dynamic meshes come last, from their own buffers
            const VkBuffer dynamicBuffers[] = {scene.dynamicVertexBuffer(slot), scene.instanceBuffer(slot)};
            vkCmdBindVertexBuffers(commands, 0, 2, dynamicBuffers, zeros);
            vkCmdBindIndexBuffer(commands, scene.dynamicIndexBuffer(slot), 0, VK_INDEX_TYPE_UINT32);
            dynamicBound = true;
        }
        if (int(draw.textured) != boundPipeline) {
            vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS,
                              draw.textured ? texturedPipeline_.get() : untexturedPipeline_.get());
            boundPipeline = int(draw.textured);
            vkCmdPushConstants(commands, pipelineLayout_.get(), kStages, kFirstEyePushOffset, sizeof firstEye, &firstEye);
            boundCulling = -1; // dynamic state is kept across binds, but set it again for clarity
        }
        const int culling = int(draw.cullBack) * 2 + int(draw.mirrored);
        if (culling != boundCulling) {
            vkCmdSetCullMode(commands, draw.cullBack ? VK_CULL_MODE_BACK_BIT : VK_CULL_MODE_NONE);
            vkCmdSetFrontFace(commands, draw.mirrored ? VK_FRONT_FACE_CLOCKWISE : VK_FRONT_FACE_COUNTER_CLOCKWISE);
            boundCulling = culling;
        }
        if (draw.material != boundMaterial) {
            const GpuMaterial& material = scene.materials()[draw.material];
            if (material.textureSet && material.textureSet != boundTexture) {
                vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 1, 1,
                                        &material.textureSet, 0, nullptr);
                boundTexture = material.textureSet;
            }
            vkCmdPushConstants(commands, pipelineLayout_.get(), kStages, 0, sizeof(MaterialPushConstants),
                               &material.constants);
            boundMaterial = draw.material;
        }
        vkCmdDrawIndexed(commands, draw.indexCount, draw.instanceCount, draw.firstIndex, draw.vertexOffset,
                         draw.firstInstance);
    }
}

} // namespace usine::render
