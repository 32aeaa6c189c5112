// Where a menu button will be in a visit, for scripts that point at it: the visit's own
// experience logic, fed the same head pose and a press of the menu button, with the
// shipped texts and menu. The script then points through the program's input path.
#pragma once

#include "core/view_geometry.h"

#include <string>

namespace usine::testing {

struct MenuTarget {
    glm::vec3 centre;     // world (= tracking space in tours) point at the button's centre
    glm::vec3 rightEdge;  // the middle of its right edge
    glm::vec3 panelRight; // the panel's +X axis in the world
    Pose panel;           // the menu panel's centre pose (its anchor)
    glm::vec2 panelSize{0};
};

// The button whose text key is `textKey` ("menu.language_english") once the menu is
// opened in front of a head at `head` (tracking space, standing on the floor at y = 0).
MenuTarget menuButton(const Pose& head, const std::string& textKey);

} // namespace usine::testing
