// What is shown: models placed in the world, and the light. Models are shared, so a
// plant's repeated machines can be placed many times without copying their data.
#pragma once

#include "asset/model.h"
#include "scene/lighting.h"

#include <memory>
#include <vector>

namespace usine::scene {

struct PlacedModel {
    std::shared_ptr<const asset::Model> model;
    glm::mat4 transform{1}; // model root -> world
    bool movable = false;   // moved every frame (a controller, a pointer): kept apart on the GPU
};

struct Scene {
    std::vector<PlacedModel> models;
    Lighting lighting;

    // Bounds of what does not move (the plant, not the visitor's controllers).
    asset::Bounds bounds() const;
};

// A scene showing one model at the origin.
Scene sceneOfModel(std::shared_ptr<const asset::Model> model);

} // namespace usine::scene
