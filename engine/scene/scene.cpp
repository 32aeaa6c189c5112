// Scene bounds and construction.
#include "scene/scene.h"

namespace usine::scene {

asset::Bounds Scene::bounds() const {
    asset::Bounds all;
    for (const PlacedModel& placed : models)
        if (!placed.movable)
            all.include(asset::transformedBounds(asset::modelBounds(*placed.model), placed.transform));
    return all;
}

Scene sceneOfModel(std::shared_ptr<const asset::Model> model) {
    Scene scene;
    scene.models.push_back(PlacedModel{std::move(model), glm::mat4(1)});
    return scene;
}

} // namespace usine::scene
