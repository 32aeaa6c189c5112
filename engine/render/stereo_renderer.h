// Renders a scene for two eyes into its stereo target, then hands the picture on to a
// FrameDestination (a headset's or a window's images, and/or pictures read back to the
// CPU). Two frames in flight: a frame is recorded while the one before it still runs on
// the GPU, with its own command buffer, uniforms, instances and panel vertices; only a
// frame read back to the CPU is waited for. Each frame draws the scene as it is then
// (nodes moved, hidden or shown since need no upload); the scene must outlive the
// renderer and keep its models (none added after). Used by every display, `usine render`,
// `usine bench` and the tests.
#pragma once

#include "core/image.h"
#include "gpu/gpu_context.h"
#include "gpu/gpu_timer.h"
#include "gpu/submit_thread.h"
#include "gpu/owned_handle.h"
#include "render/frame_destination.h"
#include "render/gpu_scene.h"
#include "render/panel_renderer.h"
#include "render/scene_renderer.h"
#include "render/shadow_map.h"
#include "render/stereo_camera.h"
#include "render/stereo_target.h"

#include <array>
#include <memory>
#include <optional>
#include <string>

namespace usine::render {

struct RenderSettings {
    VkExtent2D eyeExtent{640, 720};
    // Unset: the device's choice (defaultSamples).
    std::optional<VkSampleCountFlagBits> samples;
    // Unset: what the driver does right (preferredStereoPasses). Tests force each way.
    std::optional<StereoPasses> passes;
    bool keepDepth = false; // frames may send their depth to FrameDestination::depthOutputs
    // Levels of detail: the largest error, in pixels, a simpler level may make; 0 always
    // draws the full detail.
    float maxPixelError = 1.0f;
    // The sun's shadows (a shadow map drawn each frame). Unset: the device's choice
    // (defaultShadows).
    std::optional<bool> shadows = std::nullopt;
    // One eye only, the left eye's pass (benchmarks against mono renderers); nothing to
    // show: such frames go only to the GPU.
    bool mono = false;
};

// 4x multisampling on graphics cards; 1x on CPU devices (lavapipe), where it costs
// about 3.6 times the frame and a visit must keep its frame rate first.
VkSampleCountFlagBits defaultSamples(const gpu::GpuCapabilities& device);
// Shadows on graphics cards; none on CPU devices, where the shadow map costs about as
// much as the eyes' own drawing (2CylinderEngine at 640x720 on lavapipe: 40 -> 80 ms).
bool defaultShadows(const gpu::GpuCapabilities& device);
// "4x MSAA", and why when it was the device's choice.
std::string describeSamples(VkSampleCountFlagBits samples, bool chosenForDevice);

struct FrameTiming {
    // This thread's CPU time (CLOCK_THREAD_CPUTIME_ID) to cull, record and submit the
    // frame: waiting excluded.
    double cpuMs = 0;
    double waitMs = 0;  // waiting for the frame that last used this frame's resources
    double totalMs = 0; // the call, waits included (and the frame itself when read back)
    // GPU time from timestamp queries, when the GPU has them: of this frame when it was
    // waited for (read back), else of the frame two before, finished by now.
    std::optional<double> gpuMs;
    // Recorded while the previous frame was still running on the GPU.
    bool overlapped = false;
};

class StereoRenderer {
public:
    StereoRenderer(gpu::GpuContext& context, const scene::Scene& scene, const RenderSettings& settings);
    // The renderer reads the scene every frame: a temporary one would be gone.
    StereoRenderer(gpu::GpuContext& context, const scene::Scene&& scene, const RenderSettings& settings) = delete;
    ~StereoRenderer();
    StereoRenderer(const StereoRenderer&) = delete;
    StereoRenderer& operator=(const StereoRenderer&) = delete;

    static constexpr std::uint32_t kFramesInFlight = 2;

    FrameTiming renderFrame(const StereoCamera& camera, const FrameDestination& destination);
    // Rendering and reading both eyes back as pictures (eyes()).
    FrameTiming renderFrame(const StereoCamera& camera) {
        FrameDestination readBack;
        readBack.readBack = true;
        return renderFrame(camera, readBack);
    }
    // Whether the last frame was drawn straight into FrameDestination::eyeLayers.
    bool drewIntoEyeLayers() const { return target_.drawsDirectly(); }
    // Both eyes of the last frame rendered with readBack.
    std::array<Rgba8Image, 2> eyes() const { return target_.readEyes(); }
    // Waits until every submitted frame is finished.
    void finishFrames();

    const GpuSceneStats& sceneStats() const { return gpuScene_->stats(); }
    // What the last frame drew after culling.
    const FrameDrawStats& frameStats() const { return gpuScene_->frameStats(); }
    // The panels (menu, texts, subtitles) of the next frames: `panels` drawn with depth
    // after the scene; `pictures` each into its own image (FrameDestination::panelImages,
    // a headset's quad layers). Their glyphs come from `glyphs` (the first call sets up
    // the panel pipeline).
    void setPanels(ui::SdfGlyphs& glyphs, const std::vector<PlacedPanel>& panels,
                   const std::vector<ui::PanelDrawing>& pictures = {});
    double uploadMs() const { return uploadMs_; }
    VkExtent2D eyeExtent() const { return target_.eyeExtent(); }
    VkSampleCountFlagBits samples() const { return target_.samples(); }
    // "1x MSAA (the default on a CPU device)" or "4x MSAA".
    std::string samplesText() const { return describeSamples(target_.samples(), samplesChosenForDevice_); }
    // "levels of detail within 1 pixel" or "full detail".
    std::string detailText() const;
    // "sun shadows (2048 texels)" or "no shadows", and why when it was the device's choice.
    std::string shadowText() const;
    StereoPasses passes() const { return target_.passes(); }

private:
    gpu::GpuContext& context_;
    const scene::Scene& scene_;
    bool samplesChosenForDevice_ = false;
    float maxPixelError_ = 1.0f;
    bool shadows_ = true;
    bool shadowsChosenForDevice_ = false;
    bool mono_ = false;
    StereoTarget target_;
    SceneRenderer renderer_;
    std::unique_ptr<GpuScene> gpuScene_;
    std::unique_ptr<ShadowMap> shadowMap_;
    std::unique_ptr<PanelRenderer> panels_;
    double uploadMs_ = 0;
    gpu::OwnedCommandPool commandPool_;
    struct FrameSlot {
        VkCommandBuffer commands = VK_NULL_HANDLE;
        gpu::OwnedFence done; // created signalled: the first use waits for nothing
        std::unique_ptr<gpu::GpuTimer> timer;
        bool submitted = false;
        std::uint64_t submission = 0; // its number on the submitting thread; 0: submitted here
    };
    std::array<FrameSlot, kFramesInFlight> slots_;
    // Frames that go nowhere but the GPU (benchmarks, frames between a tour's pictures)
    // are submitted from here; a frame for a display is submitted by the caller's thread,
    // so the display may use the queue right after (present, OpenXR's end of frame).
    std::unique_ptr<gpu::SubmitThread> submitter_;
    std::uint64_t frameCount_ = 0;
    // The panels the app gave last; each frame lays them out in its own slot.
    std::vector<PlacedPanel> panelsInWorld_;
    std::vector<ui::PanelDrawing> panelPictures_;
};

} // namespace usine::render
