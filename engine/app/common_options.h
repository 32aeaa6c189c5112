// What `render` and `bench` share: loading the model, choosing the GPU, and where the
// two eyes are (given by --camera/--look, or framed automatically).
#pragma once

#include "app/arguments.h"
#include "scene/model.h"
#include "gpu/gpu_context.h"
#include "render/stereo_renderer.h"
#include "render/stereo_camera.h"
#include "scene/scene.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace usine::app {

// Options every GPU command accepts, for Arguments' option sets.
extern const std::set<std::string> kViewValueOptions;

struct LoadedModel {
    std::shared_ptr<const scene::Model> model;
    double importMs = 0;
};
// Imports (isolated), prints a one-line summary and any warnings.
LoadedModel loadModel(const std::filesystem::path& path);

gpu::GpuOptions gpuOptions(const Arguments& arguments);

// Per-eye size from --size (default 640x720).
VkExtent2D eyeExtent(const Arguments& arguments);

// --samples 1|4 (default 4) and --passes auto|multiview|per-eye (default auto).
render::RenderSettings renderSettings(const Arguments& arguments);

// Where the eyes go, read from the options before any work starts (so a mistake is
// reported at once), turned into a camera once the model's bounds are known.
struct ViewRequest {
    float eyeDistance = 0.063f;
    Fov fov;
    std::optional<glm::vec3> camera;
    std::optional<glm::vec3> look;
};
ViewRequest viewRequest(const Arguments& arguments, VkExtent2D eyeExtent);
// --camera and --look: both or neither, different points. Throws UserError.
std::optional<std::pair<glm::vec3, glm::vec3>> cameraAndLook(const Arguments& arguments);
render::StereoCamera stereoCamera(const ViewRequest& request, const scene::Bounds& bounds);

// What a headless GPU command works with, prepared in the safe order: options are
// checked first (a mistake is reported before any work), then the model is imported (it
// forks: done before the GPU driver starts its threads), then the GPU and renderer.
struct HeadlessSession {
    LoadedModel loaded;
    std::unique_ptr<scene::Scene> scene; // the renderer reads it: it must not move
    render::StereoCamera camera;
    std::unique_ptr<gpu::GpuContext> context; // declared before the renderer: outlives it
    std::unique_ptr<render::StereoRenderer> renderer;
};
// `mono`: one eye at the head, drawn alone (bench --mono).
HeadlessSession openHeadlessSession(const Arguments& arguments, const std::filesystem::path& model, bool mono = false);

// Validation report at the end of a command: prints the count when validation was on.
void reportValidation(gpu::GpuContext& context);

} // namespace usine::app
