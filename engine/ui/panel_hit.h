// Pointing at a panel: where a ray (a controller's laser, the mouse's ray) meets a flat
// rectangle placed in the world, in the panel's own coordinates. And sizes in
// distance-independent millimetres (1 dmm = 1 mm seen from 1 m), the unit in which
// legibility rules are written.
#pragma once

#include "core/view_geometry.h"

#include <optional>

namespace usine::ui {

struct Ray {
    glm::vec3 origin{0};
    glm::vec3 direction{0, 0, -1}; // need not be normalised
};

// A panel: `pose` at its centre, facing +Z, `size` in metres (width, height). Returns
// the hit point in metres from the panel's top-left corner (x right, y down) when the ray
// meets the front of the panel inside its rectangle, in front of the ray's origin.
std::optional<glm::vec2> hitPanel(const Pose& pose, const glm::vec2& size, const Ray& ray);

// Metres that `dmm` distance-independent millimetres make at `distance` metres.
inline float metresFromDmm(float dmm, float distance) { return dmm * 0.001f * distance; }

} // namespace usine::ui
