// Scene upload (geometry, textures, materials) and the per-frame instance array and
// draw list.
#include "render/gpu_scene.h"

#include "asset/model_check.h"
#include "core/error.h"
#include "core/text.h"
#include "gpu/descriptor_sets.h"
#include "gpu/gpu_context.h"
#include "gpu/upload_batch.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <tuple>

namespace usine::render {

using namespace usine::gpu;

namespace {

std::span<const std::uint8_t> bytesOf(const auto& vector) {
    return {reinterpret_cast<const std::uint8_t*>(vector.data()), vector.size() * sizeof(vector[0])};
}

// The node's largest stretch.
float scaleOf(const glm::mat4& world) {
    return std::max({glm::length(glm::vec3(world[0])), glm::length(glm::vec3(world[1])), glm::length(glm::vec3(world[2]))});
}

// A material's colour and surface as the mesh shaders take them (the texture is bound apart).
GpuMaterial gpuMaterialOf(const scene::Material& material) {
    GpuMaterial gpuMaterial;
    gpuMaterial.constants.baseColor = material.baseColor;
    gpuMaterial.constants.emissiveAndMetallic = glm::vec4(material.emissive, material.metallic);
    gpuMaterial.constants.roughness = material.roughness;
    gpuMaterial.doubleSided = material.doubleSided;
    return gpuMaterial;
}

InstanceData instanceOf(const glm::mat4& world, bool highlighted) {
    InstanceData data;
    for (int row = 0; row < 3; ++row) data.rows[row] = glm::vec4(world[0][row], world[1][row], world[2][row], world[3][row]);
    data.tint = highlighted ? glm::vec4(GpuScene::kHighlightTint, 0) : glm::vec4(0);
    return data;
}

} // namespace

GpuScene::GpuScene(GpuContext& context, const scene::Scene& scene, VkDescriptorSetLayout textureSetLayout)
    : context_(context) {
    // Geometry: every primitive of every model, concatenated.
    std::vector<scene::Vertex> vertices;
    std::vector<std::uint32_t> indices;
    std::size_t texturesSoFar = 1; // [0] would be white: untextured materials sample nothing
    std::vector<std::int64_t> materialTexture;
    for (const auto& modelPointer : scene.models()) {
        const scene::Model& model = *modelPointer;
        asset::requireValidModel(model); // whatever made it, nothing unchecked reaches the GPU
        const auto firstMaterial = static_cast<std::uint32_t>(materials_.size());
        // Each primitive's levels: the full detail, then its simplified ones, all drawing
        // from the same vertices.
        std::vector<std::vector<PrimitiveRange>> primitiveLevels;
        std::vector<std::vector<float>> primitiveErrors;
        for (const scene::Primitive& primitive : model.primitives) {
            if (vertices.size() + primitive.vertices.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
                throw UserError("the scene has more than 2 billion vertices");
            const auto vertexOffset = static_cast<std::int32_t>(vertices.size());
            vertices.insert(vertices.end(), primitive.vertices.begin(), primitive.vertices.end());
            std::vector<PrimitiveRange> levels;
            std::vector<float> errors;
            auto addLevel = [&](const std::vector<std::uint32_t>& levelIndices, float error) {
                if (levels.size() >= kLevelSlots) return;
                levels.push_back({firstMaterial + primitive.material, static_cast<std::uint32_t>(levelIndices.size()),
                                  static_cast<std::uint32_t>(indices.size()), vertexOffset});
                errors.push_back(error);
                indices.insert(indices.end(), levelIndices.begin(), levelIndices.end());
            };
            addLevel(primitive.indices, 0.0f);
            for (const scene::DetailLevel& level : primitive.detailLevels) addLevel(level.indices, level.error);
            primitiveLevels.push_back(std::move(levels));
            primitiveErrors.push_back(std::move(errors));
        }
        firstMeshOfModel_.push_back(static_cast<std::uint32_t>(meshLevels_.size()));
        for (const scene::Mesh& mesh : model.meshes) {
            std::size_t levelCount = 1;
            for (std::uint32_t p : mesh.primitives) levelCount = std::max(levelCount, primitiveLevels[p].size());
            std::vector<MeshLevel> levels(levelCount);
            for (std::size_t level = 0; level < levelCount; ++level)
                for (std::uint32_t p : mesh.primitives) {
                    const std::size_t own = std::min(level, primitiveLevels[p].size() - 1);
                    levels[level].primitives.push_back(primitiveLevels[p][own]);
                    levels[level].error = std::max(levels[level].error, primitiveErrors[p][own]);
                }
            meshLevels_.push_back(std::move(levels));
        }
        for (const scene::Material& material : model.materials) {
            materials_.push_back(gpuMaterialOf(material));
            materialTexture.push_back(material.baseColorTexture >= 0
                                          ? static_cast<std::int64_t>(texturesSoFar) + material.baseColorTexture
                                          : -1);
        }
        texturesSoFar += model.textures.size();
    }
    uploadedModels_ = scene.models().size();
    buckets_.resize(meshLevels_.size() * kLevelSlots * 2);

    const GpuCapabilities& limits = context.capabilities();
    if (indices.size() > std::numeric_limits<std::uint32_t>::max())
        throw UserError("the scene has more than 4 billion vertex indices");
    for (const auto& model : scene.models())
        for (const scene::Texture& texture : model->textures)
            if (std::uint32_t(std::max(texture.pixels.width, texture.pixels.height)) > limits.maxImageDimension2D)
                throw UserError(concat(model->sourceName, ": texture '", texture.source, "' is ", texture.pixels.width,
                                       "x", texture.pixels.height, " pixels; this GPU takes at most ",
                                       limits.maxImageDimension2D, " a side"));

    UploadBatch upload(context);
    vertices_ = createBuffer(context, std::max<VkDeviceSize>(bytesOf(vertices).size(), 4),
                             VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::DeviceLocal);
    indices_ = createBuffer(context, std::max<VkDeviceSize>(bytesOf(indices).size(), 4),
                            VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::DeviceLocal);
    upload.copyToBuffer(vertices_, 0, bytesOf(vertices));
    upload.copyToBuffer(indices_, 0, bytesOf(indices));

    const bool mipmaps = canBlitMipmaps(context, VK_FORMAT_R8G8B8A8_SRGB);
    for (const auto& model : scene.models()) {
        for (const scene::Texture& texture : model->textures) {
            ImageDescription description;
            description.format = VK_FORMAT_R8G8B8A8_SRGB;
            description.extent = {static_cast<std::uint32_t>(texture.pixels.width),
                                  static_cast<std::uint32_t>(texture.pixels.height)};
            description.mipLevels = mipmaps ? fullMipChainLength(description.extent.width, description.extent.height) : 1;
            description.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                                (description.mipLevels > 1 ? VK_IMAGE_USAGE_TRANSFER_SRC_BIT : 0);
            textures_.push_back(createImage(context, description));
            upload.copyToImage(textures_.back(), texture.pixels);
        }
    }
    upload.finish();

    createDescriptors(context, textures_.size());
    std::vector<VkDescriptorSet> textureSets;
    for (const GpuImage& texture : textures_) {
        textureSets.push_back(allocateSet(context.device(), descriptorPool_.get(), textureSetLayout));
        writeImage(context.device(), textureSets.back(), sampler_.get(), texture.view.get());
    }
    for (std::size_t m = 0; m < materials_.size(); ++m)
        if (materialTexture[m] >= 0) materials_[m].textureSet = textureSets[static_cast<std::size_t>(materialTexture[m]) - 1];

    stats_.uniqueTriangles = indices.size() / 3;
    stats_.vertices = vertices.size();
    stats_.meshes = static_cast<std::uint32_t>(meshLevels_.size());
    stats_.meshUploads = stats_.meshes;
    stats_.textures = static_cast<std::uint32_t>(textures_.size());
    stats_.bytesUploaded = upload.bytesUploaded();
}

float GpuScene::allowedError(const scene::Bounds& box, const glm::mat4& world, const FrameView& view) {
    if (view.maxPixelError <= 0) return 0;
    // The nearest any eye is to the part's box: its closest point is where an error shows most.
    float distance = std::numeric_limits<float>::max();
    for (const glm::vec3& eye : view.eyes)
        distance = std::min(distance, glm::length(glm::clamp(eye, box.min, box.max) - eye));
    if (distance <= 0) return 0;
    // Off the view axis a length covers more pixels: 1 + tan^2 of the angle, at most the edge's.
    const glm::vec3 toPart = box.center() - (view.eyes[0] + view.eyes[1]) * 0.5f;
    const float along = glm::dot(toPart, view.forward), squared = glm::dot(toPart, toPart);
    float tangentSquared = view.maxTangentSquared;
    if (along > 0 && squared > 0) tangentSquared = std::min(tangentSquared, (squared - along * along) / (along * along));
    const float pixelsPerUnit = view.pixelsPerTangent * (1 + tangentSquared) / distance;
    // The node's largest stretch turns the mesh's error into world units.
    return view.maxPixelError / (pixelsPerUnit * scaleOf(world));
}

std::uint32_t GpuScene::coarsestWithin(const std::vector<MeshLevel>& levels, float error) {
    for (std::size_t level = levels.size(); level-- > 1;)
        if (levels[level].error <= error) return static_cast<std::uint32_t>(level);
    return 0;
}

void GpuScene::collect(const scene::Scene& scene, const scene::Frustum& frustum, const FrameView& view,
                       float shadowTexel) {
    for (std::uint32_t bucket : filledBuckets_) buckets_[bucket].clear();
    filledBuckets_.clear();
    // Depth first from the roots; a hidden node hides everything below it, a highlighted
    // one highlights it (a whole machine lights up).
    stack_.clear();
    for (scene::NodeId root : scene.roots()) stack_.push_back({root, false});
    while (!stack_.empty()) {
        const auto [id, inheritedHighlight] = stack_.back();
        stack_.pop_back();
        const scene::Node& node = scene.node(id);
        if (!node.visible) continue;
        const bool highlighted = inheritedHighlight || node.highlighted;
        for (scene::NodeId child : scene.children(id)) stack_.push_back({child, highlighted});
        if (node.dynamicMesh >= 0 && shadowTexel == 0) { // the eyes only: dynamic meshes cast no shadow
            const scene::Bounds box = scene.meshWorldBounds(id);
            if (box.empty) continue; // no triangles yet
            if (!frustum.mayContain(box)) {
                ++frameStats_.culled;
                continue;
            }
            const glm::mat4& world = scene.world(id);
            dynamicShown_.push_back({static_cast<std::uint32_t>(node.dynamicMesh), instanceOf(world, highlighted),
                                     glm::determinant(glm::mat3(world)) < 0});
            ++frameStats_.instances;
            continue;
        }
        if (node.mesh < 0) continue;
        const scene::Bounds box = scene.meshWorldBounds(id);
        if (!frustum.mayContain(box)) {
            if (shadowTexel == 0) ++frameStats_.culled;
            continue;
        }
        const glm::mat4& world = scene.world(id);
        const bool mirrored = glm::determinant(glm::mat3(world)) < 0;
        const std::uint32_t mesh =
            firstMeshOfModel_[static_cast<std::size_t>(node.model)] + static_cast<std::uint32_t>(node.mesh);
        // Eyes: within a pixel where the part is seen. Shadow map: within a shadow texel,
        // or a pixel where that is coarser (a shadow shows no more detail than its caster).
        const float allowed = allowedError(box, world, view);
        const std::uint32_t level = coarsestWithin(
            meshLevels_[mesh], shadowTexel > 0 && view.maxPixelError > 0 ? std::max(allowed, shadowTexel / scaleOf(world)) : allowed);
        if (shadowTexel == 0) {
            frameStats_.simplified += level > 0;
            ++frameStats_.instances;
        }
        const std::uint32_t bucket = (mesh * kLevelSlots + level) * 2 + mirrored;
        if (buckets_[bucket].empty()) filledBuckets_.push_back(bucket);
        buckets_[bucket].push_back(instanceOf(world, highlighted));
    }
}

void GpuScene::emit(std::vector<DrawCommand>& draws, std::uint64_t& triangles) {
    // One contiguous range per bucket; every primitive of the mesh draws that range.
    for (std::uint32_t bucket : filledBuckets_) {
        const std::vector<InstanceData>& copies = buckets_[bucket];
        const auto first = static_cast<std::uint32_t>(staging_.size());
        staging_.insert(staging_.end(), copies.begin(), copies.end());
        const std::uint32_t mesh = bucket / 2 / kLevelSlots, level = bucket / 2 % kLevelSlots;
        for (const PrimitiveRange& range : meshLevels_[mesh][level].primitives) {
            const GpuMaterial& material = materials_[range.material];
            DrawCommand draw;
            draw.material = range.material;
            draw.textured = material.textureSet != VK_NULL_HANDLE;
            draw.cullBack = !material.doubleSided;
            draw.mirrored = (bucket & 1) != 0;
            draw.indexCount = range.indexCount;
            draw.firstIndex = range.firstIndex;
            draw.vertexOffset = range.vertexOffset;
            draw.firstInstance = first;
            draw.instanceCount = static_cast<std::uint32_t>(copies.size());
            draws.push_back(draw);
            triangles += std::uint64_t(range.indexCount / 3) * copies.size();
        }
    }
}

void GpuScene::prepareFrame(const scene::Scene& scene, const FrameView& view, std::uint32_t slotIndex,
                            const scene::ShadowView* shadow) {
    if (scene.models().size() != uploadedModels_)
        throw SystemError("GpuScene: models were added to the scene after it was uploaded");
    frameStats_ = {};
    staging_.clear();
    draws_.clear();
    dynamicShown_.clear();
    collect(scene, view.frustum, view, 0);
    emit(draws_, frameStats_.triangles);
    // Fewer state changes: pipeline first, then culling state, then material.
    std::sort(draws_.begin(), draws_.end(), [](const DrawCommand& a, const DrawCommand& b) {
        return std::tie(a.textured, a.cullBack, a.mirrored, a.material, a.firstIndex) <
               std::tie(b.textured, b.cullBack, b.mirrored, b.material, b.firstIndex);
    });
    FrameSlot& slot = slots_[slotIndex];
    prepareDynamic(scene, slot);
    frameStats_.drawCommands = static_cast<std::uint32_t>(draws_.size());

    // The sun's casters: whatever lies in the shadow map's box, in view or not, at the
    // coarser level of a shadow texel or the eyes' pixel; one pipeline, no material.
    shadowDraws_.clear();
    if (shadow && !shadow->empty) {
        collect(scene, shadow->casters, view, shadow->texelSize);
        emit(shadowDraws_, frameStats_.shadowTriangles);
        frameStats_.shadowDrawCommands = static_cast<std::uint32_t>(shadowDraws_.size());
    }

    ensureCapacity(slot, staging_.size());
    if (!staging_.empty()) std::memcpy(slot.instances.mapped(), staging_.data(), staging_.size() * sizeof(InstanceData));
}

void GpuScene::prepareDynamic(const scene::Scene& scene, FrameSlot& slot) {
    const std::vector<scene::DynamicMesh>& meshes = scene.dynamicMeshes();
    if (meshes.empty()) return;
    // A dynamic mesh's material, once: colour and surface as push constants.
    while (dynamicMaterial_.size() < meshes.size()) {
        dynamicMaterial_.push_back(static_cast<std::uint32_t>(materials_.size()));
        materials_.push_back(gpuMaterialOf(meshes[dynamicMaterial_.size() - 1].material));
    }
    if (slot.dynamicRevision != scene.dynamicRevision()) {
        // This slot's last frame is finished (prepareFrame's contract): rewrite them all,
        // they are small next to a site.
        std::size_t vertexCount = 0, indexCount = 0;
        for (const scene::DynamicMesh& mesh : meshes) {
            vertexCount += mesh.vertices.size();
            indexCount += mesh.indices.size();
        }
        auto grow = [&](gpu::GpuBuffer& buffer, std::size_t& capacity, std::size_t needed, std::size_t elementSize,
                        VkBufferUsageFlags usage) {
            if (needed <= capacity && capacity > 0) return;
            capacity = std::max<std::size_t>({256, needed + needed / 2, capacity * 2});
            buffer = createBuffer(context_, capacity * elementSize, usage, MemoryUse::Upload);
        };
        grow(slot.dynamicVertices, slot.dynamicVertexCapacity, vertexCount, sizeof(scene::Vertex),
             VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
        grow(slot.dynamicIndices, slot.dynamicIndexCapacity, indexCount, sizeof(std::uint32_t),
             VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
        auto* vertices = static_cast<scene::Vertex*>(slot.dynamicVertices.mapped());
        auto* indices = static_cast<std::uint32_t*>(slot.dynamicIndices.mapped());
        slot.dynamicRanges.clear();
        std::size_t vertexAt = 0, indexAt = 0;
        for (std::size_t m = 0; m < meshes.size(); ++m) {
            const scene::DynamicMesh& mesh = meshes[m];
            // (memcpy from an empty vector's null data is undefined)
            if (!mesh.vertices.empty())
                std::memcpy(vertices + vertexAt, mesh.vertices.data(), mesh.vertices.size() * sizeof(scene::Vertex));
            if (!mesh.indices.empty())
                std::memcpy(indices + indexAt, mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t));
            slot.dynamicRanges.push_back({dynamicMaterial_[m], static_cast<std::uint32_t>(mesh.indices.size()),
                                          static_cast<std::uint32_t>(indexAt), static_cast<std::int32_t>(vertexAt)});
            vertexAt += mesh.vertices.size();
            indexAt += mesh.indices.size();
        }
        frameStats_.dynamicBytes = vertexAt * sizeof(scene::Vertex) + indexAt * sizeof(std::uint32_t);
        slot.dynamicRevision = scene.dynamicRevision();
    }
    for (const DynamicShown& shown : dynamicShown_) {
        const PrimitiveRange& range = slot.dynamicRanges[shown.mesh];
        if (range.indexCount == 0) continue;
        DrawCommand draw;
        draw.material = range.material;
        draw.cullBack = !materials_[range.material].doubleSided;
        draw.mirrored = shown.mirrored;
        draw.dynamic = true;
        draw.indexCount = range.indexCount;
        draw.firstIndex = range.firstIndex;
        draw.vertexOffset = range.vertexOffset;
        draw.firstInstance = static_cast<std::uint32_t>(staging_.size());
        draw.instanceCount = 1;
        staging_.push_back(shown.instance);
        draws_.push_back(draw);
        frameStats_.triangles += range.indexCount / 3;
    }
}

void GpuScene::ensureCapacity(FrameSlot& slot, std::size_t instances) {
    if (slot.capacity >= instances && slot.capacity > 0) return;
    const std::size_t capacity = std::max<std::size_t>({64, instances + instances / 2, slot.capacity * 2});
    // The slot's last frame is finished (prepareFrame's contract): its buffer can go.
    // Instances are vertex input at instance rate: a CPU device (lavapipe) reads them once
    // per instance, where a storage buffer is read per vertex (47 -> 34 ms a frame on
    // 2CylinderEngine, benchmarks/README.md).
    slot.instances = createBuffer(context_, capacity * sizeof(InstanceData), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                                  MemoryUse::Upload);
    slot.capacity = capacity;
}

void GpuScene::createDescriptors(GpuContext& context, std::size_t textureCount) {
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
        {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, static_cast<std::uint32_t>(std::max<std::size_t>(textureCount, 1))},
    };
    auto poolInfo = vkStruct<VkDescriptorPoolCreateInfo>(VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO);
    poolInfo.maxSets = static_cast<std::uint32_t>(std::max<std::size_t>(textureCount, 1));
    poolInfo.poolSizeCount = 1;
    poolInfo.pPoolSizes = sizes;
    VkDescriptorPool pool;
    VK_CHECK(vkCreateDescriptorPool(context.device(), &poolInfo, nullptr, &pool));
    descriptorPool_ = OwnedDescriptorPool(context.device(), pool);

    for (FrameSlot& slot : slots_) ensureCapacity(slot, 0);
}

} // namespace usine::render
