// Where to stand to see a whole model: used when `usine render` is given no camera.
#pragma once

#include "scene/model.h"
#include "core/view_geometry.h"

namespace usine::scene {

struct Framing {
    Pose head;       // between the eyes, looking at the model's centre
    float nearZ = 0.05f;
    float farZ = 100.0f;
};

// A view from the front-right and a little above (how one first walks up to a machine),
// just far enough back that the whole bounding box fits in `fov`.
Framing frameBounds(const scene::Bounds& bounds, const Fov& fov);

// Near and far planes that enclose a bounding sphere seen from `eye`.
void fitDepthRange(const scene::Bounds& bounds, const glm::vec3& eye, float& outNear, float& outFar);

} // namespace usine::scene
