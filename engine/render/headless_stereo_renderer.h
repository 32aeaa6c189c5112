// Renders a scene for two eyes without any window or headset: the path of
// `usine render`, `usine bench`, the tests and the headless tour. One frame at a time:
// record, submit, wait, optionally read both eyes back as pictures.
#pragma once

#include "core/image.h"
#include "gpu/gpu_timer.h"
#include "gpu/owned_handle.h"
#include "render/gpu_scene.h"
#include "render/scene_renderer.h"
#include "render/stereo_camera.h"
#include "render/stereo_target.h"

#include <array>
#include <memory>
#include <optional>

namespace usine::render {

struct RenderSettings {
    VkExtent2D eyeExtent{640, 720};
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT;
    // Unset: what the driver does right (preferredStereoPasses). Tests force each way.
    std::optional<StereoPasses> passes;
};

struct FrameTiming {
    double cpuMs = 0;              // recording and submitting the frame
    double totalMs = 0;            // until the GPU finished it
    std::optional<double> gpuMs;   // from timestamp queries, when the GPU has them
};

class HeadlessStereoRenderer {
public:
    HeadlessStereoRenderer(gpu::GpuContext& context, const scene::Scene& scene, const RenderSettings& settings);

    FrameTiming renderFrame(const StereoCamera& camera, bool readBack = true);
    // Both eyes of the last frame rendered with readBack.
    std::array<Rgba8Image, 2> eyes() const { return target_.readEyes(); }

    const GpuSceneStats& sceneStats() const { return gpuScene_->stats(); }
    double uploadMs() const { return uploadMs_; }
    VkSampleCountFlagBits samples() const { return target_.samples(); }
    StereoPasses passes() const { return target_.passes(); }

private:
    gpu::GpuContext& context_;
    scene::Lighting lighting_;
    StereoTarget target_;
    SceneRenderer renderer_;
    std::unique_ptr<GpuScene> gpuScene_;
    double uploadMs_ = 0;
    gpu::GpuTimer timer_;
    gpu::OwnedCommandPool commandPool_;
    VkCommandBuffer commands_ = VK_NULL_HANDLE;
    gpu::OwnedFence frameDone_;
};

} // namespace usine::render
