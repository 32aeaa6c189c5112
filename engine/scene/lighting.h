// The light of a scene: one sun and a sky/ground ambient term, so a factory hall reads
// clearly in a headset (no black shadows) while shapes keep their relief.
#pragma once

#include <glm/glm.hpp>

namespace usine::scene {

struct Lighting {
    glm::vec3 towardsSun = glm::normalize(glm::vec3(0.4f, 0.8f, 0.45f)); // unit vector
    glm::vec3 sunColor{2.2f, 2.1f, 1.95f};   // linear radiance, slightly warm
    glm::vec3 skyAmbient{0.36f, 0.39f, 0.44f}; // light from above
    glm::vec3 groundAmbient{0.16f, 0.15f, 0.14f}; // light bounced from the floor
    glm::vec3 background{0.42f, 0.47f, 0.53f};   // linear clear colour behind everything
};

} // namespace usine::scene
