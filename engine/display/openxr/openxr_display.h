// The headset display: an OpenXR session driven through its whole state machine
// (IDLE, READY, SYNCHRONIZED, VISIBLE, FOCUSED, STOPPING, EXITING, LOSS_PENDING),
// stereo views located each frame at the predicted display time, both eyes drawn into
// the runtime's array swapchain image (or copied into per-eye swapchains), controls
// through actions. A lost session is replaced
// in place; a lost instance asks the visit for a new display (and so a new Vulkan device).
#pragma once

#include "display/display.h"
#include "display/openxr/eye_swapchains.h"
#include "display/openxr/openxr_input.h"
#include "display/openxr/openxr_instance.h"
#include "display/openxr/openxr_vulkan_creator.h"
#include "display/openxr/quad_swapchain.h"
#include "display/window/presentation_window.h"
#include "gpu/gpu_context.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace usine::display::openxr {

struct OpenXrSettings {
    bool validation = false;               // OpenXR core validation + Vulkan validation
    std::string gpuName;                   // ignored: the runtime names the headset's GPU
    std::chrono::milliseconds headsetPatience{10000}; // how long to wait for a headset
    std::function<bool()> giveUp;          // polled while waiting (Ctrl+C)
    bool spectator = false;                // also show the left eye in a window (a projector)
};

class OpenXrDisplay final : public Display {
public:
    // Throws XrUnavailable (with the reason in plain words) when no runtime answers or no
    // headset appears within the patience.
    explicit OpenXrDisplay(const OpenXrSettings& settings);
    ~OpenXrDisplay() override;

    DisplayKind kind() const override { return DisplayKind::Headset; }
    std::string description() const override;
    gpu::GpuContext& gpu() override { return *gpu_; }
    VkExtent2D eyeExtent() const override { return eyeExtent_; }
    TrackingOrigin trackingOrigin() const override;
    bool wantsDepth() const override;

    FrameStatus beginFrame(Frame& frame) override;
    void endFrame(const Frame& frame) override;

    std::size_t quadLayerCapacity() const override;
    std::vector<render::PanelImage> acquireQuadImages(const std::vector<QuadPanel>& quads) override;

    const InputState& input() const override { return input_; }
    void vibrate(Hand hand, float amplitude, float seconds) override;
    void requestQuit() override;

    // OpenXR core validation messages so far (tests check there are none).
    bool displayValidationEnabled() const override { return instance_->validationLayerLoaded(); }
    std::vector<std::string> displayValidationMessages() const override { return instance_->validationMessages(); }
    // Every session state we went through, in order (tests check the machine).
    const std::vector<XrSessionState>& stateHistory() const { return stateHistory_; }
    int sessionsCreated() const { return sessionsCreated_; }

private:
    struct Session;
    void createSession();
    void destroySession();
    void pollEvents();
    void onStateChanged(XrSessionState state);
    FrameStatus nextFrame(Frame& frame); // beginFrame's steps, in the order they can end it
    FrameStatus beginRunningFrame(Frame& frame);

    OpenXrSettings settings_;
    std::unique_ptr<OpenXrInstance> instance_;
    XrSystemId system_ = XR_NULL_SYSTEM_ID;
    std::string headsetName_;
    std::unique_ptr<OpenXrVulkanCreator> creator_;
    std::unique_ptr<gpu::GpuContext> gpu_;
    std::unique_ptr<window::WindowSystem> windowSystem_;   // spectator view only
    std::unique_ptr<window::PresentationWindow> spectator_;
    bool presentingSpectator_ = false;
    VkExtent2D eyeExtent_{0, 0};
    std::uint32_t maxLayers_ = 1; // the runtime's maxLayerCount: our projection layer and quads
    std::vector<QuadPanel> quads_; // this frame's, acquired
    std::unique_ptr<Session> session_;

    InputState input_;
    bool instanceLost_ = false;
    bool sessionLost_ = false;
    bool exiting_ = false;
    std::atomic<bool> quitRequested_{false};
    bool exitRequestSent_ = false;
    std::vector<XrSessionState> stateHistory_;
    int sessionsCreated_ = 0;
    std::uint64_t trackingSpace_ = 0; // Frame::trackingSpace
    // A recentring the runtime announced: it takes effect at `at` (poses before that are
    // still in the old space).
    struct PendingSpaceChange {
        XrTime at = 0;
        std::optional<float> newOriginHeightInOld;
    };
    std::optional<PendingSpaceChange> pendingSpaceChange_;

    // The frame in flight between beginFrame and endFrame.
    XrFrameState frameState_{};
    bool frameBegun_ = false;
    bool rendering_ = false;
    XrView views_[2]{};
    XrTime previousDisplayTime_ = 0;
};

} // namespace usine::display::openxr
