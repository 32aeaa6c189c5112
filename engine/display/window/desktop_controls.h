// Mouse and keyboard standing in for a headset and controllers: the mouse looks around
// (right button held) and points (the laser follows the cursor), keys walk, turn and
// press every action. Keys are physical positions, so ZQSD on a French AZERTY keyboard
// and WASD on QWERTY are the same keys; hints name them in the user's layout.
// Pure logic over a snapshot of the devices: tested without a window.
#pragma once

#include "core/input_state.h"
#include "core/view_geometry.h"

#include <string>

namespace usine::display::window {

// What the devices say this frame (filled from GLFW by the desktop display).
struct DeviceSnapshot {
    bool forward = false, back = false, left = false, right = false; // walking keys
    bool turnLeft = false, turnRight = false;                         // snap-turn keys
    bool select = false, grab = false, menu = false;
    PanelKeys keys; // pressed since the last frame: moving through panels
    bool looking = false;                // right mouse button held: the mouse turns the head
    glm::dvec2 cursor{0};                // pixels, origin top-left
    glm::dvec2 windowSize{1280, 720};    // pixels
};

class DesktopControls {
public:
    explicit DesktopControls(float eyeHeight, Hand dominantHand = Hand::Right);

    void update(const DeviceSnapshot& devices, const Fov& fov);

    // Tracking space: the head stands at the origin at eye height; the rig walks it.
    Pose head() const;
    const InputState& input() const { return input_; }

    static constexpr float kRadiansPerPixel = 0.004f;
    static constexpr float kPointerReach = 3.0f; // m: the point the hand turns towards

private:
    float eyeHeight_;
    Hand dominant_;
    float yaw_ = 0, pitch_ = 0;
    bool wasLooking_ = false;
    glm::dvec2 lastCursor_{0};
    InputState input_;
};

// "Z Q S D" or "W A S D": the names of the physical keys in the active layout.
std::string keyHints();

} // namespace usine::display::window
