// Panel quads into a mapped vertex buffer, drawn by the panel pipeline (see panel_renderer.h).
#include "render/panel_renderer.h"

#include "core/error.h"
#include "core/image_io.h"
#include "core/text.h"
#include "gpu/barriers.h"
#include "gpu/descriptor_sets.h"
#include "gpu/upload_batch.h"
#include "gpu/gpu_context.h"
#include "gpu/graphics_pipeline.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"
#include "render/embedded_shaders.h"
#include "render/frame_uniforms.h"

#include <cmath>
#include <cstring>

namespace usine::render {

using namespace usine::gpu;

namespace {

} // namespace

struct PanelVertex {
    glm::vec3 position;
    glm::vec2 uv;
    glm::vec4 colour; // linear
    float kind;       // 0 rectangle, 1 glyph, 2 picture
};

namespace {

// Each layer of a panel lies this far in front of the one below it: enough for depth to
// keep text above its button at 3 m, too little for the eye to see.
constexpr float kLayerStep = 0.0008f; // m

// Pictures on panels a visit may show: a site's panels, with room to spare.
constexpr std::uint32_t kMostPictures = 128;

float linearFromSrgb(std::uint8_t value) {
    const float c = float(value) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

glm::vec4 linear(ui::Srgb8 colour) {
    return {linearFromSrgb(colour.r), linearFromSrgb(colour.g), linearFromSrgb(colour.b), 1.0f};
}

GraphicsPipelineDescription pipelineDescription(VkPipelineLayout layout, VkShaderModule vertex, VkShaderModule fragment,
                                                VkFormat colorFormat) {
    GraphicsPipelineDescription description;
    description.layout = layout;
    description.vertexShader = vertex;
    description.fragmentShader = fragment;
    description.vertexBindings = {{0, sizeof(PanelVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    description.vertexAttributes = {
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(PanelVertex, position)},
        {1, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(PanelVertex, uv)},
        {2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(PanelVertex, colour)},
        {3, 0, VK_FORMAT_R32_SFLOAT, offsetof(PanelVertex, kind)},
    };
    description.colorFormat = colorFormat;
    description.alphaBlend = true;
    return description;
}

// One quad as two triangles, counter-clockwise seen from the front, each corner placed
// by `place` (panel metres -> space).
template <typename Place>
void appendQuad(std::vector<PanelVertex>& vertices, const ui::PanelQuad& quad, const glm::vec4& uv, float kind,
                Place place) {
    const float layer = float(quad.layer);
    const glm::vec4 colour = linear(quad.colour);
    const PanelVertex topLeft{place(quad.min.x, quad.min.y, layer), {uv.x, uv.y}, colour, kind};
    const PanelVertex topRight{place(quad.max.x, quad.min.y, layer), {uv.z, uv.y}, colour, kind};
    const PanelVertex bottomLeft{place(quad.min.x, quad.max.y, layer), {uv.x, uv.w}, colour, kind};
    const PanelVertex bottomRight{place(quad.max.x, quad.max.y, layer), {uv.z, uv.w}, colour, kind};
    vertices.insert(vertices.end(), {topLeft, bottomLeft, bottomRight, topLeft, bottomRight, topRight});
}

} // namespace

PanelRenderer::PanelRenderer(GpuContext& context, ui::SdfGlyphs& glyphs, VkDescriptorSetLayout frameSetLayout,
                             VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples,
                             std::uint32_t viewMask)
    : context_(context), atlas_(context, glyphs) {
    const VkDevice device = context.device();
    atlasLayout_ = singleBindingLayout(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT);
    pool_ = singleTypePool(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1);
    atlasSet_ = allocateSet(device, pool_.get(), atlasLayout_.get());
    writeImage(device, atlasSet_, atlas_.sampler(), atlas_.view());

    const VkDescriptorSetLayout setLayouts[] = {frameSetLayout, atlasLayout_.get()};
    const VkPushConstantRange pushRange{VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(std::uint32_t)};
    auto pipelineLayoutInfo = vkStruct<VkPipelineLayoutCreateInfo>(VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO);
    pipelineLayoutInfo.setLayoutCount = 2;
    pipelineLayoutInfo.pSetLayouts = setLayouts;
    pipelineLayoutInfo.pushConstantRangeCount = 1;
    pipelineLayoutInfo.pPushConstantRanges = &pushRange;
    VkPipelineLayout pipelineLayout;
    VK_CHECK(vkCreatePipelineLayout(device, &pipelineLayoutInfo, nullptr, &pipelineLayout));
    pipelineLayout_ = OwnedPipelineLayout(device, pipelineLayout);

    vertexShader_ = createShaderModule(device, shaders::panelVertex());
    fragmentShader_ = createShaderModule(device, shaders::panelFragment());
    GraphicsPipelineDescription description = pipelineDescription(pipelineLayout, vertexShader_.get(),
                                                                  fragmentShader_.get(), colorFormat);
    description.depthFormat = depthFormat;
    description.samples = samples;
    description.viewMask = viewMask;
    pipeline_ = createGraphicsPipeline(device, description);

    // The pictures' own frame uniforms: an identity view-projection, their vertices are
    // already in clip space.
    pictureUniforms_ = createBuffer(context, sizeof(FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, MemoryUse::Upload);
    FrameUniforms identity{};
    identity.viewProjection[0] = identity.viewProjection[1] = glm::mat4(1);
    std::memcpy(pictureUniforms_.mapped(), &identity, sizeof identity);
    imageFramePool_ = singleTypePool(device, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1);
    pictureFrameSet_ = allocateSet(device, imageFramePool_.get(), frameSetLayout);
    writeBuffer(device, pictureFrameSet_, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, pictureUniforms_.get(), sizeof(FrameUniforms));

    // Panels' pictures: their own sampler (mipmapped) and descriptor sets.
    auto samplerInfo = vkStruct<VkSamplerCreateInfo>(VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO);
    samplerInfo.magFilter = samplerInfo.minFilter = VK_FILTER_LINEAR;
    samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
    samplerInfo.addressModeU = samplerInfo.addressModeV = samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    samplerInfo.maxLod = VK_LOD_CLAMP_NONE;
    VkSampler sampler;
    VK_CHECK(vkCreateSampler(device, &samplerInfo, nullptr, &sampler));
    pictureSampler_ = OwnedSampler(device, sampler);
    picturePool_ = singleTypePool(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, kMostPictures);
}

VkPipeline PanelRenderer::picturePipeline(VkFormat format) {
    auto found = picturePipelines_.find(format);
    if (found == picturePipelines_.end()) {
        const GraphicsPipelineDescription description =
            pipelineDescription(pipelineLayout_.get(), vertexShader_.get(), fragmentShader_.get(), format);
        found = picturePipelines_.emplace(format, createGraphicsPipeline(context_.device(), description)).first;
    }
    return found->second.get();
}

template <typename Place>
std::vector<PanelRenderer::Batch> PanelRenderer::appendPanel(std::vector<PanelVertex>& vertices,
                                                             const ui::PanelDrawing& drawing, Place place) {
    // Rectangles and glyphs first (the atlas), then each picture with its own texture;
    // depth (world) or their layer order (images) keeps the text above its buttons.
    std::vector<Batch> batches;
    const std::size_t first = vertices.size();
    std::map<std::filesystem::path, std::vector<const ui::PanelQuad*>> pictures;
    for (const ui::PanelQuad& quad : drawing.quads) {
        if (quad.picture) {
            pictures[*quad.picture].push_back(&quad);
            continue;
        }
        appendQuad(vertices, quad, quad.glyph ? atlas_.uvRect(*quad.glyph) : glm::vec4(0), quad.glyph ? 1.0f : 0.0f,
                   place);
    }
    batches.push_back({std::uint32_t(first), std::uint32_t(vertices.size() - first), atlasSet_});
    for (const auto& [file, quads] : pictures) {
        const std::size_t start = vertices.size();
        for (const ui::PanelQuad* quad : quads) appendQuad(vertices, *quad, glm::vec4(0, 0, 1, 1), 2.0f, place);
        batches.push_back({std::uint32_t(start), std::uint32_t(vertices.size() - start), pictureTexture(file)});
    }
    return batches;
}

VkDescriptorSet PanelRenderer::pictureTexture(const std::filesystem::path& file) {
    if (auto found = pictureTextures_.find(file); found != pictureTextures_.end()) return found->second.set;
    const Rgba8Image pixels = readImageFile(file); // UserError naming the file
    ImageDescription description;
    description.format = VK_FORMAT_R8G8B8A8_SRGB;
    description.extent = {std::uint32_t(pixels.width), std::uint32_t(pixels.height)};
    // Mipmaps: a photo seen across a workshop must not shimmer.
    description.mipLevels = canBlitMipmaps(context_, description.format)
                                ? fullMipChainLength(description.extent.width, description.extent.height)
                                : 1;
    description.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    PictureTexture texture;
    texture.image = createImage(context_, description);
    UploadBatch upload(context_, pixels.pixels.size());
    upload.copyToImage(texture.image, pixels);
    upload.finish();
    auto allocate = vkStruct<VkDescriptorSetAllocateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO);
    allocate.descriptorPool = picturePool_.get();
    allocate.descriptorSetCount = 1;
    const VkDescriptorSetLayout layout = atlasLayout_.get();
    allocate.pSetLayouts = &layout;
    if (vkAllocateDescriptorSets(context_.device(), &allocate, &texture.set) != VK_SUCCESS)
        throw UserError(concat(file.string(), ": too many panel pictures at once (at most ", kMostPictures, ")"));
    writeImage(context_.device(), texture.set, pictureSampler_.get(), texture.image.view.get());
    return pictureTextures_.emplace(file, std::move(texture)).first->second.set;
}

void PanelRenderer::drawBatches(VkCommandBuffer commands, const std::vector<Batch>& batches) const {
    for (const Batch& batch : batches) {
        if (batch.count == 0) continue;
        vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 1, 1, &batch.texture,
                                0, nullptr);
        vkCmdDraw(commands, batch.count, 1, batch.first, 0);
    }
}

void PanelRenderer::setPanels(std::uint32_t slotIndex, const std::vector<PlacedPanel>& panels,
                              const std::vector<ui::PanelDrawing>& pictures) {
    SlotPanels& slot = slots_.at(slotIndex);
    std::vector<PanelVertex> vertices;
    slot.world.clear();
    slot.imagePanels.clear();
    for (const PlacedPanel& panel : panels) {
        const glm::mat4 toWorld = poseMatrix(panel.pose);
        const glm::vec2 half = panel.drawing.size * 0.5f;
        // Panel coordinates (metres from the top-left, y down) to the panel's own space
        // (centre, y up, +Z to the reader, each layer a little in front), then the world.
        const std::vector<Batch> batches = appendPanel(vertices, panel.drawing, [&](float x, float y, float layer) {
            return glm::vec3(toWorld * glm::vec4(x - half.x, half.y - y, layer * kLayerStep, 1.0f));
        });
        slot.world.insert(slot.world.end(), batches.begin(), batches.end());
    }
    for (const ui::PanelDrawing& picture : pictures) {
        // Straight to clip space: the panel fills its image (y down, as Vulkan's);
        // layers are drawn in order, no depth needed.
        slot.imagePanels.push_back(appendPanel(vertices, picture, [&](float x, float y, float) {
            return glm::vec3(x / picture.size.x * 2.0f - 1.0f, y / picture.size.y * 2.0f - 1.0f, 0.5f);
        }));
    }
    const VkDeviceSize bytes = vertices.size() * sizeof(PanelVertex);
    if (bytes > slot.vertices.size) {
        // Grows by doubling: panels change size as their texts and buttons change.
        VkDeviceSize capacity = std::max<VkDeviceSize>(slot.vertices.size * 2, 64 * 1024);
        while (capacity < bytes) capacity *= 2;
        slot.vertices = createBuffer(context_, capacity, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, MemoryUse::Upload);
    }
    if (bytes) std::memcpy(slot.vertices.mapped(), vertices.data(), bytes);
}

void PanelRenderer::loadPictures(const std::vector<PlacedPanel>& panels, const std::vector<ui::PanelDrawing>& pictures) {
    auto load = [&](const ui::PanelDrawing& drawing) {
        for (const ui::PanelQuad& quad : drawing.quads)
            if (quad.picture) pictureTexture(*quad.picture);
    };
    for (const PlacedPanel& panel : panels) load(panel.drawing);
    for (const ui::PanelDrawing& picture : pictures) load(picture);
}

void PanelRenderer::draw(VkCommandBuffer commands, VkExtent2D extent, std::uint32_t firstEye,
                         VkDescriptorSet frameSet, std::uint32_t slotIndex) const {
    const SlotPanels& slot = slots_.at(slotIndex);
    if (slot.world.empty()) return;
    const VkViewport viewport{0, 0, static_cast<float>(extent.width), static_cast<float>(extent.height), 0, 1};
    const VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(commands, 0, 1, &viewport);
    vkCmdSetScissor(commands, 0, 1, &scissor);
    vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.get());
    vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 0, 1, &frameSet, 0,
                            nullptr);
    const VkBuffer buffer = slot.vertices.get();
    const VkDeviceSize zero = 0;
    vkCmdBindVertexBuffers(commands, 0, 1, &buffer, &zero);
    vkCmdPushConstants(commands, pipelineLayout_.get(), VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof firstEye, &firstEye);
    drawBatches(commands, slot.world);
}

} // namespace usine::render

namespace usine::render {

void PanelRenderer::recordPictures(VkCommandBuffer commands, const std::vector<PanelImage>& images,
                                   std::uint32_t slotIndex) {
    const SlotPanels& slot = slots_.at(slotIndex);
    const std::size_t count = std::min(images.size(), slot.imagePanels.size());
    for (std::size_t index = 0; index < count; ++index) {
        const PanelImage& image = images[index];
        // Its old contents go: the panel fills the whole image.
        transition(commands, {image.image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1}, VK_IMAGE_LAYOUT_UNDEFINED,
                              VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                              VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
        auto colour = vkStruct<VkRenderingAttachmentInfo>(VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO);
        colour.imageView = image.view;
        colour.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        colour.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
        colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        colour.clearValue.color = {{0, 0, 0, 0}};
        auto rendering = vkStruct<VkRenderingInfo>(VK_STRUCTURE_TYPE_RENDERING_INFO);
        rendering.renderArea = {{0, 0}, image.extent};
        rendering.layerCount = 1;
        rendering.colorAttachmentCount = 1;
        rendering.pColorAttachments = &colour;
        vkCmdBeginRendering(commands, &rendering);
        const VkViewport viewport{0, 0, float(image.extent.width), float(image.extent.height), 0, 1};
        const VkRect2D scissor{{0, 0}, image.extent};
        vkCmdSetViewport(commands, 0, 1, &viewport);
        vkCmdSetScissor(commands, 0, 1, &scissor);
        vkCmdBindPipeline(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, picturePipeline(image.format));
        vkCmdBindDescriptorSets(commands, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 0, 1,
                                &pictureFrameSet_, 0, nullptr);
        const VkBuffer buffer = slot.vertices.get();
        const VkDeviceSize zero = 0;
        vkCmdBindVertexBuffers(commands, 0, 1, &buffer, &zero);
        const std::uint32_t firstEye = 0;
        vkCmdPushConstants(commands, pipelineLayout_.get(), VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof firstEye, &firstEye);
        drawBatches(commands, slot.imagePanels[index]);
        vkCmdEndRendering(commands);
        transition(commands, {image.image, {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1},
                              VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, image.layout,
                              VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT});
    }
}

} // namespace usine::render
