// Where frames go and poses come from: a headset (OpenXR), a window (desktop), or
// nothing (headless, frames to pictures). The experience talks only to this interface,
// so it runs the same in each (as hello_xr's program talks to its platform and graphics
// plugins). Each backend lives in its own file; the choice is made at start-up
// (display_choice.h).
#pragma once

#include "core/input_state.h"
#include "core/view_geometry.h"
#include "render/frame_destination.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace usine::gpu {
class GpuContext;
}

namespace usine::display {

enum class DisplayKind { Headset, Window, Headless };
const char* kindName(DisplayKind kind);

enum class FrameStatus {
    Render,  // draw this frame into frame.destination, then endFrame()
    Skip,    // nothing to draw now (headset not showing us); call endFrame() all the same
    Quit,    // the visit is over (the user quit, the runtime ended the session)
    Restart, // the display lost its device or instance: make a new display, new GPU objects
};

struct Frame {
    EyeView eyes[2];               // tracking space, left then right
    std::int64_t displayTimeNs = 0; // when the frame will be seen
    double deltaSeconds = 0;        // since the previous frame, for motion
    // Whether the eyes' poses are known this frame: a headset may not show us yet, or may
    // have lost tracking. The visitor rig is moved and calibrated on tracked frames only.
    bool headTracked = true;
    // Changes whenever tracking space is replaced (a new headset session, the visitor
    // recentred): the rig then re-anchors it, so the visitor stays where they are.
    std::uint64_t trackingSpace = 0;
    // When trackingSpace changed because the runtime moved it (recentring) and said by
    // how much: the height of the new space's origin in the old one. Heights measured in
    // the old space (the floor a visitor showed) then carry over.
    std::optional<float> newSpaceHeightInOld;
    render::FrameDestination destination;
    // The depth range the frame is drawn with (set by whoever draws it): a compositor
    // given the depth needs it.
    float nearZ = 0.05f;
    float farZ = 100.0f;
};

// A head-following panel a display shows in a layer of its own (an OpenXR quad layer):
// the compositor keeps it steady and sharp, whatever the frame rate.
struct QuadPanel {
    Pose pose;                // tracking space: the panel's centre, its front (+Z) to the visitor
    glm::vec2 size{0};        // metres
    VkExtent2D pixels{0, 0};  // the picture drawn for it
};

class Display {
public:
    virtual ~Display() = default;

    virtual DisplayKind kind() const = 0;
    // One line for people: "OpenXR runtime Monado, Valve Index (stage space)".
    virtual std::string description() const = 0;
    // The GPU frames are drawn with: the display made it (a headset's runtime chooses it).
    virtual gpu::GpuContext& gpu() = 0;
    // Size of each eye's picture.
    virtual VkExtent2D eyeExtent() const = 0;
    // Whether tracking space starts at the floor or at the eyes (then height is calibrated).
    virtual TrackingOrigin trackingOrigin() const = 0;
    // Whether frames should also hand over their depth (render with keepDepth).
    virtual bool wantsDepth() const { return false; }

    virtual FrameStatus beginFrame(Frame& frame) = 0;
    virtual void endFrame(const Frame& frame) = 0;

    // How many panels the display shows as layers of their own (0: none, they are drawn
    // in the scene instead).
    virtual std::size_t quadLayerCapacity() const { return 0; }
    // This frame's quad panels (after beginFrame returned Render, at most the capacity):
    // an image for each, in order, for the frame to draw them into
    // (FrameDestination::panelImages); endFrame shows them. Empty when the display cannot
    // (then draw them in the scene).
    virtual std::vector<render::PanelImage> acquireQuadImages(const std::vector<QuadPanel>&) { return {}; }

    virtual const InputState& input() const = 0;
    // A short buzz in a hand's controller (ignored where there is none).
    virtual void vibrate(Hand hand, float amplitude, float seconds) = 0;
    // Asks the display to end the visit (the headset session, the window).
    virtual void requestQuit() = 0;

    // Messages of the display's own validation layer (OpenXR's), when it has one and it
    // is on (displayValidationEnabled()).
    virtual bool displayValidationEnabled() const { return false; }
    virtual std::vector<std::string> displayValidationMessages() const { return {}; }
};

} // namespace usine::display
