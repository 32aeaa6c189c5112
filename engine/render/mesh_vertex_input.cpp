// Vertex bindings and attributes of the mesh pipelines (see mesh_vertex_input.h).
#include "render/mesh_vertex_input.h"

#include "render/frame_uniforms.h"
#include "scene/model.h"

#include <cstddef>

namespace usine::render {

void setMeshVertexInput(gpu::GraphicsPipelineDescription& description, unsigned inputs) {
    description.vertexBindings = {{0, sizeof(scene::Vertex), VK_VERTEX_INPUT_RATE_VERTEX},
                                  {1, sizeof(InstanceData), VK_VERTEX_INPUT_RATE_INSTANCE}};
    auto& attributes = description.vertexAttributes;
    attributes = {{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(scene::Vertex, position)}};
    if (inputs & kMeshNormal) attributes.push_back({1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(scene::Vertex, normal)});
    if (inputs & kMeshUv) attributes.push_back({2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(scene::Vertex, uv)});
    if (inputs & kMeshColor) attributes.push_back({3, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(scene::Vertex, color)});
    for (std::uint32_t row = 0; row < 3; ++row)
        attributes.push_back({5 + row, 1, VK_FORMAT_R32G32B32A32_SFLOAT,
                              static_cast<std::uint32_t>(offsetof(InstanceData, rows) + row * sizeof(glm::vec4))});
    if (inputs & kInstanceTint) attributes.push_back({8, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(InstanceData, tint)});
}

} // namespace usine::render
