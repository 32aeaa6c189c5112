// What the eyes see in one frame, as the GPU scene needs it to cull and to choose levels
// of detail.
#pragma once

#include "render/stereo_camera.h"
#include "scene/frustum.h"

#include <vulkan/vulkan.h>

namespace usine::render {

// What the eyes see this frame: for culling and for choosing levels of detail.
struct FrameView {
    scene::Frustum frustum; // holding both eyes'
    glm::vec3 eyes[2]{};
    glm::vec3 forward{0, 0, -1}; // where the head looks
    // Pixels per unit of tangent at the centre of the view (the denser eye and axis),
    // and the squared tangent of the farthest view edge: off axis, a length across the
    // line of sight covers up to (1 + tan^2) times more pixels.
    float pixelsPerTangent = 0;
    float maxTangentSquared = 0;
    float maxPixelError = 1; // 0: always the full detail
};

// The view of `camera` drawn at `extent` per eye; `maxPixelError` 0 keeps full detail.
FrameView frameViewOf(const StereoCamera& camera, VkExtent2D extent, float maxPixelError);

} // namespace usine::render
