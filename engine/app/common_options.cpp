// Shared option handling for GPU commands.
#include "app/common_options.h"

#include "asset/model_import.h"
#include "core/error.h"
#include "core/log.h"
#include "core/stopwatch.h"
#include "core/text.h"
#include "scene/framing.h"

#include <cmath>

namespace usine::app {

const std::set<std::string> kViewValueOptions = {"--size", "--eye-distance", "--camera", "--look", "--fov", "--gpu"};

LoadedModel loadModel(const std::filesystem::path& path) {
    Stopwatch watch;
    auto model = std::make_shared<asset::Model>(asset::importModel(path));
    LoadedModel loaded{model, watch.elapsedMs()};
    for (const std::string& warning : model->warnings) log::warning(concat(path.filename().string(), ": ", warning));
    log::info(concat("imported ", path.string(), " in ", fixed(loaded.importMs, 1), " ms: ", model->meshes.size(),
                     " meshes, ", model->primitives.size(), " primitives, ", model->instances.size(), " instances, ",
                     model->uniqueTriangleCount(), " unique triangles, ", model->drawnTriangleCount(),
                     " drawn, ", model->textures.size(), " textures"));
    return loaded;
}

gpu::GpuOptions gpuOptions(const Arguments& arguments) {
    gpu::GpuOptions options;
    options.validation = gpu::validationRequestedByEnvironment();
    options.gpuName = arguments.text("--gpu", "");
    return options;
}

VkExtent2D eyeExtent(const Arguments& arguments) {
    const glm::uvec2 size = arguments.size("--size").value_or(glm::uvec2(640, 720));
    return {size.x, size.y};
}

render::StereoCamera stereoCamera(const Arguments& arguments, const asset::Bounds& bounds, VkExtent2D extent) {
    const float eyeDistance = static_cast<float>(arguments.number("--eye-distance", 0.063, 0.0, 1000.0));
    const float fovDegrees = static_cast<float>(arguments.number("--fov", 90.0, 10.0, 170.0));
    const Fov fov = symmetricFov(glm::radians(fovDegrees), float(extent.width) / float(extent.height));

    const auto camera = arguments.vector3("--camera");
    const auto look = arguments.vector3("--look");
    if (camera.has_value() != look.has_value()) throw UserError("--camera and --look go together: give both or neither");
    scene::Framing framing;
    if (camera) {
        if (glm::length(*look - *camera) < 1e-6f) throw UserError("--camera and --look must be different points");
        framing.head = lookAt(*camera, *look);
        scene::fitDepthRange(bounds, *camera, framing.nearZ, framing.farZ);
    } else {
        framing = scene::frameBounds(bounds, fov);
    }
    return render::stereoCameraFromHead(framing.head, eyeDistance, fov, framing.nearZ, framing.farZ);
}

void reportValidation(gpu::GpuContext& context) {
    if (!context.validationEnabled()) return;
    const std::size_t count = context.validationMessages().count();
    log::info(concat("Vulkan validation: ", count, count == 1 ? " message" : " messages"));
}

} // namespace usine::app
