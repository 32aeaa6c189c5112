// What `render` and `bench` share: loading the model, choosing the GPU, and where the
// two eyes are (given by --camera/--look, or framed automatically).
#pragma once

#include "app/arguments.h"
#include "asset/model.h"
#include "gpu/gpu_context.h"
#include "render/stereo_camera.h"

#include <filesystem>
#include <memory>

namespace usine::app {

// Options every GPU command accepts, for Arguments' option sets.
extern const std::set<std::string> kViewValueOptions;

struct LoadedModel {
    std::shared_ptr<const asset::Model> model;
    double importMs = 0;
};
// Imports (isolated), prints a one-line summary and any warnings.
LoadedModel loadModel(const std::filesystem::path& path);

gpu::GpuOptions gpuOptions(const Arguments& arguments);

// Per-eye size from --size (default 640x720).
VkExtent2D eyeExtent(const Arguments& arguments);

render::StereoCamera stereoCamera(const Arguments& arguments, const asset::Bounds& bounds, VkExtent2D eyeExtent);

// Validation report at the end of a command: prints the count when validation was on.
void reportValidation(gpu::GpuContext& context);

} // namespace usine::app
