// Scene upload: concatenated geometry, instance transforms grouped by mesh, textures,
// materials and the material-sorted instanced draw list.
#include "render/gpu_scene.h"

#include "asset/model_check.h"
#include "core/error.h"
#include "core/text.h"
#include "gpu/barriers.h"
#include "gpu/descriptor_sets.h"
#include "gpu/gpu_context.h"
#include "gpu/upload_batch.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>
#include <limits>

namespace usine::render {

using namespace usine::gpu;

namespace {

std::span<const std::uint8_t> bytesOf(const auto& vector) {
    return {reinterpret_cast<const std::uint8_t*>(vector.data()), vector.size() * sizeof(vector[0])};
}

// Where one model's primitives, materials and textures start in the scene-wide arrays.
struct ModelOffsets {
    std::vector<std::uint32_t> firstIndex;   // per primitive
    std::vector<std::int32_t> vertexOffset;  // per primitive
    std::uint32_t material = 0;
};

} // namespace

GpuScene::GpuScene(GpuContext& context, const scene::Scene& scene, VkDescriptorSetLayout instanceSetLayout,
                   VkDescriptorSetLayout textureSetLayout) {
    // Geometry: every primitive of every model, concatenated.
    std::vector<asset::Vertex> vertices;
    std::vector<std::uint32_t> indices;
    std::vector<ModelOffsets> offsets;
    for (const scene::PlacedModel& placed : scene.models) {
        const asset::Model& model = *placed.model;
        asset::requireValidModel(model); // whatever made it, nothing unchecked reaches the GPU
        ModelOffsets modelOffsets;
        modelOffsets.material = static_cast<std::uint32_t>(materials_.size());
        for (const asset::Primitive& primitive : model.primitives) {
            if (vertices.size() + primitive.vertices.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
                throw UserError("the scene has more than 2 billion vertices");
            modelOffsets.firstIndex.push_back(static_cast<std::uint32_t>(indices.size()));
            modelOffsets.vertexOffset.push_back(static_cast<std::int32_t>(vertices.size()));
            vertices.insert(vertices.end(), primitive.vertices.begin(), primitive.vertices.end());
            indices.insert(indices.end(), primitive.indices.begin(), primitive.indices.end());
        }
        for (const asset::Material& material : model.materials) {
            GpuMaterial gpuMaterial;
            gpuMaterial.constants.baseColor = material.baseColor;
            gpuMaterial.constants.emissiveAndMetallic = glm::vec4(material.emissive, material.metallic);
            gpuMaterial.constants.roughness = material.roughness;
            materials_.push_back(gpuMaterial);
        }
        offsets.push_back(std::move(modelOffsets));
    }

    // Instances grouped by mesh so each mesh's copies are one contiguous range.
    std::vector<InstanceData> instances;
    for (std::size_t m = 0; m < scene.models.size(); ++m) {
        const asset::Model& model = *scene.models[m].model;
        if (scene.models[m].movable)
            movable_.push_back({m, static_cast<std::uint32_t>(instances.size()), {}, false});
        std::vector<std::vector<const asset::MeshInstance*>> byMesh(model.meshes.size());
        for (const asset::MeshInstance& instance : model.instances) byMesh[instance.mesh].push_back(&instance);
        for (std::size_t mesh = 0; mesh < model.meshes.size(); ++mesh) {
            if (byMesh[mesh].empty()) continue;
            const auto firstInstance = static_cast<std::uint32_t>(instances.size());
            for (const asset::MeshInstance* instance : byMesh[mesh]) {
                const glm::mat4 world = scene.models[m].transform * instance->transform;
                instances.push_back({world, glm::transpose(glm::inverse(world))});
                if (scene.models[m].movable) movable_.back().localTransforms.push_back(instance->transform);
            }
            for (std::uint32_t p : model.meshes[mesh].primitives) {
                DrawCommand draw;
                draw.material = offsets[m].material + model.primitives[p].material;
                draw.indexCount = static_cast<std::uint32_t>(model.primitives[p].indices.size());
                draw.firstIndex = offsets[m].firstIndex[p];
                draw.vertexOffset = offsets[m].vertexOffset[p];
                draw.firstInstance = firstInstance;
                draw.instanceCount = static_cast<std::uint32_t>(byMesh[mesh].size());
                draws_.push_back(draw);
                stats_.trianglesDrawn += std::uint64_t(draw.indexCount / 3) * draw.instanceCount;
            }
        }
    }
    const GpuCapabilities& limits = context.capabilities();
    if (indices.size() > std::numeric_limits<std::uint32_t>::max())
        throw UserError("the scene has more than 4 billion vertex indices");
    if (instances.size() * sizeof(InstanceData) > limits.maxStorageBufferRange)
        throw UserError(concat("the scene places ", instances.size(), " meshes; this GPU can hold ",
                               limits.maxStorageBufferRange / sizeof(InstanceData), " in one scene"));
    for (const scene::PlacedModel& placed : scene.models)
        for (const asset::Texture& texture : placed.model->textures)
            if (std::uint32_t(std::max(texture.pixels.width, texture.pixels.height)) > limits.maxImageDimension2D)
                throw UserError(concat(placed.model->sourceName, ": texture '", texture.source, "' is ",
                                       texture.pixels.width, "x", texture.pixels.height, " pixels; this GPU takes at most ",
                                       limits.maxImageDimension2D, " a side"));

    // Fewer state changes: draws sharing a material follow each other.
    std::stable_sort(draws_.begin(), draws_.end(),
                     [](const DrawCommand& a, const DrawCommand& b) { return a.material < b.material; });

    UploadBatch upload(context);
    vertices_ = createBuffer(context, std::max<VkDeviceSize>(bytesOf(vertices).size(), 4),
                             VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::DeviceLocal);
    indices_ = createBuffer(context, std::max<VkDeviceSize>(bytesOf(indices).size(), 4),
                            VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::DeviceLocal);
    instanceData_ = createBuffer(context, std::max<VkDeviceSize>(bytesOf(instances).size(), sizeof(InstanceData)),
                                 VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                 MemoryUse::DeviceLocal);
    upload.copyToBuffer(vertices_, 0, bytesOf(vertices));
    upload.copyToBuffer(indices_, 0, bytesOf(indices));
    upload.copyToBuffer(instanceData_, 0, bytesOf(instances));

    // Textures: white first, then each model's in order.
    Rgba8Image white(1, 1);
    std::fill(white.pixels.begin(), white.pixels.end(), 255);
    const bool mipmaps = canBlitMipmaps(context, VK_FORMAT_R8G8B8A8_SRGB);
    auto addTexture = [&](const Rgba8Image& pixels) {
        ImageDescription description;
        description.format = VK_FORMAT_R8G8B8A8_SRGB;
        description.extent = {static_cast<std::uint32_t>(pixels.width), static_cast<std::uint32_t>(pixels.height)};
        description.mipLevels = mipmaps ? fullMipChainLength(description.extent.width, description.extent.height) : 1;
        description.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                            (description.mipLevels > 1 ? VK_IMAGE_USAGE_TRANSFER_SRC_BIT : 0);
        textures_.push_back(createImage(context, description));
        upload.copyToImage(textures_.back(), pixels);
    };
    addTexture(white);
    for (const scene::PlacedModel& placed : scene.models)
        for (const asset::Texture& texture : placed.model->textures) addTexture(texture.pixels);
    upload.finish();

    createDescriptors(context, instanceSetLayout, textures_.size());

    // Materials point at their texture's set (or white's); texture indices are per model.
    std::vector<VkDescriptorSet> textureSets;
    for (const GpuImage& texture : textures_) textureSets.push_back(textureSet(context, textureSetLayout, texture));
    std::size_t materialIndex = 0, firstTexture = 1;
    for (const scene::PlacedModel& placed : scene.models) {
        for (const asset::Material& material : placed.model->materials) {
            const std::size_t texture =
                material.baseColorTexture >= 0 ? firstTexture + static_cast<std::size_t>(material.baseColorTexture) : 0;
            materials_[materialIndex++].textureSet = textureSets[texture];
        }
        firstTexture += placed.model->textures.size();
    }

    stats_.uniqueTriangles = indices.size() / 3;
    stats_.vertices = vertices.size();
    stats_.drawCalls = static_cast<std::uint32_t>(draws_.size());
    stats_.instances = static_cast<std::uint32_t>(instances.size());
    stats_.textures = static_cast<std::uint32_t>(textures_.size() - 1);
    stats_.bytesUploaded = upload.bytesUploaded();
}

void GpuScene::moveModel(std::size_t index, const glm::mat4& transform) {
    for (MovableModel& movable : movable_) {
        if (movable.model != index) continue;
        std::size_t at = 0;
        for (const MovableModel& other : movable_) {
            if (&other == &movable) break;
            at += other.localTransforms.size();
        }
        movedInstances_.resize(std::max(movedInstances_.size(), at + movable.localTransforms.size()));
        for (std::size_t i = 0; i < movable.localTransforms.size(); ++i) {
            const glm::mat4 world = transform * movable.localTransforms[i];
            movedInstances_[at + i] = {world, glm::transpose(glm::inverse(world))};
        }
        movable.moved = true;
        return;
    }
    throw SystemError("GpuScene::moveModel: that model was not placed as movable");
}

void GpuScene::recordUpdates(VkCommandBuffer commands) {
    bool any = false;
    std::size_t at = 0;
    for (MovableModel& movable : movable_) {
        if (movable.moved) {
            // vkCmdUpdateBuffer takes at most 64 KiB a call: a few controllers need far less.
            const std::size_t count = movable.localTransforms.size();
            for (std::size_t done = 0; done < count;) {
                const std::size_t part = std::min<std::size_t>(count - done, 65536 / sizeof(InstanceData));
                vkCmdUpdateBuffer(commands, instanceData_.get(),
                                  (movable.firstInstance + done) * sizeof(InstanceData), part * sizeof(InstanceData),
                                  &movedInstances_[at + done]);
                done += part;
            }
            movable.moved = false;
            any = true;
        }
        at += movable.localTransforms.size();
    }
    if (any)
        memoryBarrier(commands, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_READ_BIT);
}

void GpuScene::createDescriptors(GpuContext& context, VkDescriptorSetLayout instanceSetLayout,
                                 std::size_t textureCount) {
    auto samplerInfo = vkStruct<VkSamplerCreateInfo>(VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO);
    samplerInfo.magFilter = VK_FILTER_LINEAR;
    samplerInfo.minFilter = VK_FILTER_LINEAR;
    samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
    samplerInfo.addressModeU = samplerInfo.addressModeV = samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
    samplerInfo.maxLod = VK_LOD_CLAMP_NONE;
    // Floors and conveyor belts are seen at grazing angles: anisotropy keeps them sharp.
    if (context.capabilities().samplerAnisotropy) {
        samplerInfo.anisotropyEnable = VK_TRUE;
        samplerInfo.maxAnisotropy = std::min(8.0f, context.capabilities().maxSamplerAnisotropy);
    }
    VkSampler sampler;
    VK_CHECK(vkCreateSampler(context.device(), &samplerInfo, nullptr, &sampler));
    sampler_ = OwnedSampler(context.device(), sampler);

    const VkDescriptorPoolSize sizes[] = {
        {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1},
        {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, static_cast<std::uint32_t>(textureCount)},
    };
    auto poolInfo = vkStruct<VkDescriptorPoolCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO);
    poolInfo.maxSets = static_cast<std::uint32_t>(textureCount + 1);
    poolInfo.poolSizeCount = 2;
    poolInfo.pPoolSizes = sizes;
    VkDescriptorPool pool;
    VK_CHECK(vkCreateDescriptorPool(context.device(), &poolInfo, nullptr, &pool));
    descriptorPool_ = OwnedDescriptorPool(context.device(), pool);

    instanceSet_ = allocateSet(context.device(), pool, instanceSetLayout);
    writeBuffer(context.device(), instanceSet_, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, instanceData_.get(), VK_WHOLE_SIZE);
}

VkDescriptorSet GpuScene::textureSet(GpuContext& context, VkDescriptorSetLayout layout, const GpuImage& image) {
    const VkDescriptorSet set = allocateSet(context.device(), descriptorPool_.get(), layout);
    writeImage(context.device(), set, sampler_.get(), image.view.get());
    return set;
}

} // namespace usine::render
