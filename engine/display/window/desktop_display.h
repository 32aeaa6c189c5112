// The desktop display: the visit in a window, for a teacher's laptop or a projector
// when no headset is there. One view (both eyes at the same place), mouse and
// keyboard as controllers (desktop_controls.h).
#pragma once

#include "display/display.h"
#include "display/window/desktop_controls.h"
#include "display/window/presentation_window.h"
#include "gpu/gpu_context.h"

#include <chrono>

struct GLFWwindow;
#include <memory>

namespace usine::display::window {

struct DesktopSettings {
    gpu::GpuOptions gpu;
    int width = 1280;
    int height = 720;
    float eyeHeight = 1.6f;
    Hand dominantHand = Hand::Right;
};

class DesktopDisplay final : public Display {
public:
    explicit DesktopDisplay(const DesktopSettings& settings);
    ~DesktopDisplay() override;

    DisplayKind kind() const override { return DisplayKind::Window; }
    std::string description() const override;
    gpu::GpuContext& gpu() override { return *gpu_; }
    VkExtent2D eyeExtent() const override { return eyeExtent_; }
    TrackingOrigin trackingOrigin() const override { return TrackingOrigin::Floor; }

    FrameStatus beginFrame(Frame& frame) override;
    void endFrame(const Frame& frame) override;

    const InputState& input() const override { return controls_.input(); }
    void vibrate(Hand, float, float) override {}
    void requestQuit() override { quit_ = true; }

private:
    DeviceSnapshot readDevices();
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);

    WindowSystem windowSystem_; // first in, last out: GLFW lives longer than the window
    std::unique_ptr<gpu::GpuContext> gpu_;
    std::unique_ptr<PresentationWindow> window_;
    VkExtent2D eyeExtent_;
    DesktopControls controls_;
    bool quit_ = false;
    // Panel keys pressed since the last frame, from GLFW's key events (a tap shorter
    // than a frame, or two taps in one frame, each count).
    PanelKeys pressedKeys_;
    bool presenting_ = false;
    std::chrono::steady_clock::time_point lastFrame_;
};

} // namespace usine::display::window
