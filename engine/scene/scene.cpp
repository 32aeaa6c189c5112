// Scene bounds and construction.
#include "scene/scene.h"

namespace usine::scene {

asset::Bounds Scene::bounds() const {
    asset::Bounds all;
    for (const PlacedModel& placed : models) {
        const asset::Bounds local = asset::modelBounds(*placed.model);
        if (local.empty) continue;
        for (int corner = 0; corner < 8; ++corner) {
            glm::vec3 p((corner & 1) ? local.max.x : local.min.x, (corner & 2) ? local.max.y : local.min.y,
                        (corner & 4) ? local.max.z : local.min.z);
            all.include(glm::vec3(placed.transform * glm::vec4(p, 1)));
        }
    }
    return all;
}

Scene sceneOfModel(std::shared_ptr<const asset::Model> model) {
    Scene scene;
    scene.models.push_back(PlacedModel{std::move(model), glm::mat4(1)});
    return scene;
}

} // namespace usine::scene
