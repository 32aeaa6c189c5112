// What the visitor's hands do this frame, the same whatever the display: a headset's
// controllers (through OpenXR actions), the mouse and keyboard, or a script. Poses are
// in tracking space (the display's own space); the visit places it in the world.
#pragma once

#include "core/view_geometry.h"

#include <glm/glm.hpp>

namespace usine {

enum class Hand : int { Left = 0, Right = 1 };

// What a display's tracking space origin is: the floor (OpenXR STAGE, the desktop,
// scripts), or the eyes at start (OpenXR LOCAL), where the eye height is unknown.
enum class TrackingOrigin { Floor, EyeLevel };

constexpr Hand otherHand(Hand hand) { return hand == Hand::Left ? Hand::Right : Hand::Left; }
constexpr const char* handName(Hand hand) { return hand == Hand::Left ? "left" : "right"; }

struct HandInput {
    bool tracked = false; // grip and aim poses are known this frame
    Pose grip;            // where the hand holds the controller
    Pose aim;             // the pointing ray: origin and -Z direction
    bool select = false;  // trigger (or select button) held
    float grab = 0;       // squeeze, 0..1
    glm::vec2 stick{0};   // thumbstick or trackpad, -1..1 each; +y forward (walking)
    float turn = 0;       // turning axis, -1..1, +1 to the right (usually the stick's x)
    bool hasStick = true; // false on controllers without one (khr/simple_controller)
    bool menu = false;    // menu button held
};

// Keys that move through panels: a window's keyboard (arrows, Enter, Escape), or a
// script. Each is a press that happened since the previous frame (a key event, not a
// held state: two quick taps within one frame are not one, and none is missed).
struct PanelKeys {
    int up = 0;
    int down = 0;
    int enter = 0;
    int back = 0; // closes the open panel; with none open, ends the visit
};

struct InputState {
    HandInput hands[2];
    PanelKeys keys;

    HandInput& operator[](Hand hand) { return hands[static_cast<int>(hand)]; }
    const HandInput& operator[](Hand hand) const { return hands[static_cast<int>(hand)]; }
};

} // namespace usine
