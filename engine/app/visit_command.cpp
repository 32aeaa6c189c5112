// `usine visit`: the visit itself. Chooses the display (headset, window, headless),
// then runs the frame loop: input -> visitor rig -> stereo frame -> display. When a
// display loses its device or instance, a new one is made and the visit goes on.
#include "app/commands.h"

#include "app/common_options.h"
#include "app/display_choice.h"
#include "core/error.h"
#include "core/log.h"
#include "core/text.h"
#include "display/headless_display.h"
#include "render/stereo_renderer.h"
#include "scene/scene.h"
#include "visit/visitor_rig.h"

#include <cstdio>
#include <filesystem>

namespace usine::app {

namespace fs = std::filesystem;

namespace {

struct VisitOptions {
    std::optional<DisplayMode> mode;
    std::optional<fs::path> tour;
    std::optional<glm::uvec2> size; // overrides the tour's picture size
    fs::path outFolder = "out/tour";
    visit::RigSettings rig;
    render::RenderSettings render;
    gpu::GpuOptions gpu;
};

VisitOptions visitOptions(const Arguments& arguments) {
    VisitOptions options;
    if (auto mode = arguments.value("--mode")) {
        options.mode = parseDisplayMode(*mode);
        if (!options.mode) throw UserError(concat("--mode wants xr, desktop or headless, not '", *mode, "'"));
    }
    if (auto tour = arguments.value("--tour")) options.tour = *tour;
    options.size = arguments.size("--size");
    options.outFolder = arguments.text("--out", "out/tour");
    options.rig.seated = arguments.has("--seated");
    options.rig.heightOffset = static_cast<float>(arguments.number("--height-offset", 0.0, -1.0, 1.0));
    options.rig.standingEyeHeight = static_cast<float>(arguments.number("--eye-height", 1.50, 1.0, 2.0));
    if (arguments.has("--left-handed")) options.rig.dominantHand = Hand::Left;
    options.render = renderSettings(arguments);
    options.gpu = gpuOptions(arguments);
    return options;
}

std::unique_ptr<display::Display> openDisplay(DisplayMode mode, const VisitOptions& options) {
    switch (mode) {
    case DisplayMode::Headless: {
        display::TourScript tour = options.tour ? display::loadTourScript(*options.tour) : display::defaultTour();
        if (options.size) {
            tour.width = options.size->x;
            tour.height = options.size->y;
        }
        return std::make_unique<display::HeadlessDisplay>(options.gpu, std::move(tour), options.outFolder);
    }
    case DisplayMode::Headset: throw UserError("headsets are not supported by this build yet (OpenXR comes next)");
    case DisplayMode::Window: throw UserError("the desktop window is not supported by this build yet");
    }
    throw UserError("unknown display");
}

// Where a visitor first stands in a bare model: on the floor, at the front edge of the
// model, looking at it. (Site manifests will name their own spawn points.)
Pose spawnPoint(const asset::Bounds& bounds) {
    const glm::vec3 feet(bounds.center().x, bounds.min.y, bounds.max.z - 0.5f);
    return Pose{glm::quat(1, 0, 0, 0), feet};
}

// Runs frames until the display quits (returns true) or must be replaced (false).
bool runFrames(display::Display& display, const scene::Scene& scene, const VisitOptions& options,
               visit::VisitorRig& rig) {
    render::RenderSettings settings = options.render;
    settings.eyeExtent = display.eyeExtent();
    render::StereoRenderer renderer(display.gpu(), scene, settings);
    const float farZ = std::max(100.0f, scene.bounds().radius() * 4.0f);
    int frames = 0;
    while (true) {
        display::Frame frame;
        const display::FrameStatus status = display.beginFrame(frame);
        if (status == display::FrameStatus::Quit) {
            log::info(concat("visit ended after ", frames, " frames"));
            return true;
        }
        if (status == display::FrameStatus::Restart) return false;
        const Pose head{frame.eyes[0].pose.orientation,
                        (frame.eyes[0].pose.position + frame.eyes[1].pose.position) * 0.5f};
        rig.update(display.input(), head, frame.deltaSeconds);
        if (status == display::FrameStatus::Render) {
            render::StereoCamera camera;
            for (int eye = 0; eye < 2; ++eye) camera.eyes[eye] = rig.toWorld(frame.eyes[eye]);
            camera.nearZ = 0.05f;
            camera.farZ = farZ;
            renderer.renderFrame(camera, frame.destination);
            ++frames;
        }
        display.endFrame(frame);
    }
}

} // namespace

int visitCommand(const std::vector<std::string>& words) {
    std::set<std::string> valueOptions = kViewValueOptions;
    valueOptions.insert({"--mode", "--tour", "--out", "--height-offset", "--eye-height"});
    const Arguments arguments(words, valueOptions, {"--help", "--seated", "--left-handed"});
    if (arguments.has("--help")) {
        std::fputs(kVisitHelp, stdout);
        return 0;
    }
    if (arguments.positional().size() != 1) throw UserError("usine visit wants one MODEL file (see usine visit --help)");
    const VisitOptions options = visitOptions(arguments);

    // Import before any display: it forks, safest before GPU drivers start threads.
    const LoadedModel loaded = loadModel(arguments.positional()[0]);
    const scene::Scene scene = scene::sceneOfModel(loaded.model);

    DisplayProbe probe;
    probe.headsetSupportBuilt = false;
    probe.headsetUnavailable = "no headset support in this build";
    probe.windowSupportBuilt = false;
    probe.screen = screenAvailable();
    const DisplayDecision decision = chooseDisplay(options.mode, probe);

    const bool scripted = decision.mode == DisplayMode::Headless;
    visit::RigSettings rigSettings = options.rig;
    rigSettings.placeHeadAtSpawn = !scripted;
    const Pose spawn = scripted ? Pose{} : spawnPoint(scene.bounds());

    while (true) {
        std::unique_ptr<display::Display> display = openDisplay(decision.mode, options);
        log::info(concat("display: ", modeName(decision.mode), ", because ", decision.reason, " - ",
                         display->description()));
        visit::VisitorRig rig(spawn, visit::TrackingOrigin::Floor, rigSettings);
        if (runFrames(*display, scene, options, rig)) break;
        log::warning("the display was lost; starting it again");
    }
    return 0;
}

} // namespace usine::app
