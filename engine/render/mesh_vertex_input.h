// The vertex input of the pipelines that draw scene meshes (mesh.vert in both variants,
// shadow.vert): binding 0 the mesh's vertices (scene::Vertex), binding 1 the frame's
// instances (InstanceData) at instance rate. Locations: 0 position, 1 normal, 2 texture
// coordinates, 3 colour; 5 to 7 the instance's rows, 8 its tint.
#pragma once

#include "gpu/graphics_pipeline.h"

namespace usine::render {

// What a pipeline reads besides the position and the instance's rows.
enum MeshInput : unsigned {
    kMeshNormal = 1,
    kMeshUv = 2,
    kMeshColor = 4,
    kInstanceTint = 8,
};

// Sets the description's vertex bindings and attributes for the inputs named.
void setMeshVertexInput(gpu::GraphicsPipelineDescription& description, unsigned inputs);

} // namespace usine::render
