// The headless display: no window, no headset. Poses and presses come from a tour
// script; frames are drawn into images of its own and every few frames written as a
// PNG (left eye | right eye). What CI, recordings and machines without a display use.
#pragma once

#include "display/display.h"
#include "display/tour_script.h"
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_context.h"
#include "gpu/gpu_image.h"

#include <filesystem>
#include <memory>

namespace usine::display {

class HeadlessDisplay final : public Display {
public:
    HeadlessDisplay(const gpu::GpuOptions& gpuOptions, TourScript script, std::filesystem::path outputFolder);

    DisplayKind kind() const override { return DisplayKind::Headless; }
    std::string description() const override;
    gpu::GpuContext& gpu() override { return *gpu_; }
    VkExtent2D eyeExtent() const override { return {script_.width, script_.height}; }
    TrackingOrigin trackingOrigin() const override { return TrackingOrigin::Floor; }

    FrameStatus beginFrame(Frame& frame) override;
    void endFrame(const Frame& frame) override;

    const InputState& input() const override { return input_; }
    void vibrate(Hand, float, float) override {}
    void requestQuit() override { quit_ = true; }

    // Pictures written so far.
    const std::vector<std::filesystem::path>& savedPictures() const { return saved_; }

private:
    bool saveThisFrame() const;
    void savePicture();

    TourScript script_;
    std::filesystem::path outputFolder_;
    std::unique_ptr<gpu::GpuContext> gpu_;
    gpu::GpuImage image_;     // both eyes, one layer each
    gpu::GpuBuffer readback_; // host copy of image_ for the PNGs
    InputState input_;
    int frame_ = 0;
    bool quit_ = false;
    std::vector<std::filesystem::path> saved_;
};

} // namespace usine::display
