// Where the sun's shadow map looks: an orthographic view along the light, fitted to what
// the eyes see up to a reach, and deep enough to hold every caster in the scene (a crane
// out of view still shadows the floor in view).
//
// The covered square's size depends only on the reach, the eyes' field of view and the
// scene, not on where the head turns, and its position moves in whole shadow texels: the
// shadows' edges stay still while a pupil looks around (no shimmering).
#pragma once

#include "core/view_geometry.h"
#include "scene/frustum.h"
#include "scene/model.h"

#include <glm/glm.hpp>
#include <span>

namespace usine::scene {

struct ShadowView {
    // World to the shadow map's clip space: x and y -1..1 across the map, depth 0 at the
    // light's side of the scene to 1 at the far side (not reversed).
    glm::mat4 viewProjection{1};
    Frustum casters;       // the box the map holds: casters outside it need no drawing
    float texelSize = 0;   // world units per shadow texel, across the light
    glm::vec3 towardsLight{0, 1, 0};
    bool empty = true;     // nothing of the scene in reach: no shadow to draw
};

// `eyes` with their shared near plane; `reach`: how far from the eyes shadows are drawn;
// `mapSize`: texels per side. `towardsLight` need not be normalised.
ShadowView fitShadow(std::span<const EyeView> eyes, float nearZ, float reach, const Bounds& scene,
                     const glm::vec3& towardsLight, int mapSize);

} // namespace usine::scene
