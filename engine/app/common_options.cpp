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

const std::set<std::string> kViewValueOptions = {"--size",  "--eye-distance", "--camera",  "--look",
                                                 "--fov",   "--gpu",          "--samples", "--passes",
                                                 "--detail", "--shadows"};

LoadedModel loadModel(const std::filesystem::path& path) {
    Stopwatch watch;
    auto model = std::make_shared<scene::Model>(asset::importModel(path));
    LoadedModel loaded{model, watch.elapsedMs()};
    for (const std::string& warning : model->warnings) log::warning(concat(path.filename().string(), ": ", warning));
    log::info(concat("imported ", path.string(), " in ", fixed(loaded.importMs, 1), " ms: ", model->meshes.size(),
                     " meshes, ", model->primitives.size(), " primitives, ", model->nodes.size(), " nodes placing ",
                     model->placedMeshCount(), " of them, ",
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

render::RenderSettings renderSettings(const Arguments& arguments) {
    render::RenderSettings settings;
    settings.eyeExtent = eyeExtent(arguments);
    if (arguments.has("--samples")) {
        const long long samples = arguments.integer("--samples", 4, 1, 4);
        if (samples != 1 && samples != 4) throw UserError("--samples wants 1 or 4");
        settings.samples = samples == 4 ? VK_SAMPLE_COUNT_4_BIT : VK_SAMPLE_COUNT_1_BIT;
    }
    if (arguments.has("--shadows")) {
        const std::string shadows = arguments.text("--shadows", "");
        if (shadows != "on" && shadows != "off") throw UserError("--shadows wants on or off");
        settings.shadows = shadows == "on";
    }
    const std::string detail = arguments.text("--detail", "auto");
    if (detail == "full")
        settings.maxPixelError = 0;
    else if (detail != "auto")
        throw UserError("--detail wants auto or full");
    const std::string passes = arguments.text("--passes", "auto");
    if (passes == "multiview")
        settings.passes = render::StereoPasses::OneMultiviewPass;
    else if (passes == "per-eye")
        settings.passes = render::StereoPasses::OnePassPerEye;
    else if (passes != "auto")
        throw UserError("--passes wants auto, multiview or per-eye");
    return settings;
}

ViewRequest viewRequest(const Arguments& arguments, VkExtent2D extent) {
    ViewRequest request;
    request.eyeDistance = static_cast<float>(arguments.number("--eye-distance", 0.063, 0.0, 1000.0));
    const float fovDegrees = static_cast<float>(arguments.number("--fov", 90.0, 10.0, 170.0));
    request.fov = symmetricFov(glm::radians(fovDegrees), float(extent.width) / float(extent.height));
    if (const auto view = cameraAndLook(arguments)) {
        request.camera = view->first;
        request.look = view->second;
    }
    return request;
}

std::optional<std::pair<glm::vec3, glm::vec3>> cameraAndLook(const Arguments& arguments) {
    const auto camera = arguments.vector3("--camera");
    const auto look = arguments.vector3("--look");
    if (camera.has_value() != look.has_value()) throw UserError("--camera and --look go together: give both or neither");
    if (!camera) return std::nullopt;
    if (glm::length(*look - *camera) < 1e-6f) throw UserError("--camera and --look must be different points");
    return std::pair{*camera, *look};
}

render::StereoCamera stereoCamera(const ViewRequest& request, const scene::Bounds& bounds) {
    scene::Framing framing;
    if (request.camera) {
        framing.head = lookAt(*request.camera, *request.look);
        scene::fitDepthRange(bounds, *request.camera, framing.nearZ, framing.farZ);
    } else {
        framing = scene::frameBounds(bounds, request.fov);
    }
    return render::stereoCameraFromHead(framing.head, request.eyeDistance, request.fov, framing.nearZ, framing.farZ);
}

HeadlessSession openHeadlessSession(const Arguments& arguments, const std::filesystem::path& model, bool mono) {
    render::RenderSettings settings = renderSettings(arguments);
    ViewRequest view = viewRequest(arguments, settings.eyeExtent);
    if (mono) { // one eye, at the head
        settings.mono = true;
        view.eyeDistance = 0;
    }
    const gpu::GpuOptions gpuChoice = gpuOptions(arguments);

    HeadlessSession session;
    session.loaded = loadModel(model);
    session.scene = std::make_unique<scene::Scene>(scene::sceneOfModel(session.loaded.model));
    session.camera = stereoCamera(view, session.scene->bounds());
    session.context = std::make_unique<gpu::GpuContext>(gpuChoice);
    session.renderer = std::make_unique<render::StereoRenderer>(*session.context, *session.scene, settings);
    return session;
}

void reportValidation(gpu::GpuContext& context) {
    if (!context.validationEnabled()) return;
    const std::size_t count = context.validationMessages().count();
    log::info(concat("Vulkan validation: ", count, count == 1 ? " message" : " messages"));
}

} // namespace usine::app
