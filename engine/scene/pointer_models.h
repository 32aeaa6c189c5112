// What the visitor sees of their own hands: a controller, and the laser it points with
// (drawn a fixed length, so a pupil sees where they aim). Built in code: small, and the
// same on every site.
#pragma once

#include "scene/model.h"

#include <memory>

namespace usine::scene {

// A dark handle, 4 x 3 x 12 cm, centred on the grip pose, pointing along -Z.
std::shared_ptr<const scene::Model> controllerModel();
// A glowing beam 5 mm thick and 1 m long from the origin along -Z: scale Z for length.
std::shared_ptr<const scene::Model> laserModel();

} // namespace usine::scene
