// The light of a scene: one sun and a sky/ground ambient term, so a factory hall reads
// clearly in a headset (no black shadows) while shapes keep their relief.
#pragma once

#include <glm/glm.hpp>

namespace usine::scene {

struct Lighting {
    glm::vec3 towardsSun = glm::normalize(glm::vec3(0.4f, 0.8f, 0.45f)); // unit vector
    glm::vec3 sunColor{2.6f, 2.5f, 2.3f};     // linear radiance, slightly warm
    glm::vec3 skyAmbient{0.55f, 0.6f, 0.68f}; // light from above
    glm::vec3 groundAmbient{0.28f, 0.26f, 0.24f}; // light bounced from the floor
    glm::vec3 background{0.42f, 0.47f, 0.53f};   // linear clear colour behind everything
};

} // namespace usine::scene
