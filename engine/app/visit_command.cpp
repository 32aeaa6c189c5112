// `usine visit`: the visit itself. Chooses the display (headset, window, headless),
// then runs the frame loop: input -> visitor rig -> stereo frame -> display. When a
// display loses its device or instance, a new one is made and the visit goes on.
#include "app/commands.h"

#include "app/common_options.h"
#include "app/display_choice.h"
#include "app/stop_request.h"
#include "app/visit_option_scopes.h"
#include "app/visit_sound.h"
#include "core/data_directory.h"
#include "core/error.h"
#include "core/log.h"
#include "core/text.h"
#include "display/headless_display.h"
#include "display/openxr/openxr_display.h"
#include "display/openxr/xr_check.h"
#include "display/window/desktop_display.h"
#include "render/stereo_renderer.h"
#include "scene/pointer_models.h"
#include "scene/scene.h"
#include "ui/menu.h"
#include "ui/translations.h"
#include "ui/font_face.h"
#include "ui/sdf_glyphs.h"
#include "visit/experience.h"
#include "visit/visitor_rig.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <unistd.h>
#include <cstdlib>
#include <csignal>
#include <cstdio>
#include <glm/gtc/matrix_transform.hpp>
#include <filesystem>

namespace usine::app {

namespace fs = std::filesystem;

namespace {

// Ctrl+C or SIGTERM ends the visit cleanly (the headset session is ended, not
// abandoned): see stop_request.h.
bool interrupted() { return StopRequest::requested(); }

// Sleeps up to `seconds`, waking early on Ctrl+C.
void pause(double seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!interrupted() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

struct VisitOptions {
    std::optional<DisplayMode> mode;
    std::optional<fs::path> tour;
    std::optional<glm::uvec2> size; // overrides the tour's picture size
    long long maxFrames = 0;         // 0: until the visitor quits
    bool spectator = false;          // headset: mirror the left eye in a window
    std::optional<glm::vec3> start;  // where the visitor's feet start (facing -Z)
    // Headless: a still head instead of the walk, and the tour's eyes (see --help).
    std::optional<glm::vec3> camera;
    std::optional<glm::vec3> look;
    std::optional<float> fovDegrees;
    std::optional<float> eyeDistance;
    double headsetWaitSeconds = 10;  // without --mode: how long to wait for a headset
    fs::path outFolder = "out/tour";
    ui::Language language = ui::Language::French;
    float volume = 1.0f;
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
    options.maxFrames = arguments.integer("--frames", 0, 0, 100000000);
    options.spectator = arguments.has("--spectator");
    options.start = arguments.vector3("--start");
    if (const auto view = cameraAndLook(arguments)) {
        options.camera = view->first;
        options.look = view->second;
    }
    if (options.camera && options.tour)
        throw UserError("--camera and --tour both say where the head goes: choose one");
    if (arguments.has("--fov")) options.fovDegrees = static_cast<float>(arguments.number("--fov", 90, 10, 170));
    if (arguments.has("--eye-distance"))
        options.eyeDistance = static_cast<float>(arguments.number("--eye-distance", 0.063, 0, 1));
    options.headsetWaitSeconds = arguments.number("--headset-wait", 10, 0, 600);
    options.outFolder = arguments.text("--out", "out/tour");
    options.volume = static_cast<float>(arguments.number("--volume", 1.0, 0.0, 1.0));
    if (auto language = arguments.value("--language")) {
        if (*language == "fr") options.language = ui::Language::French;
        else if (*language == "en") options.language = ui::Language::English;
        else throw UserError(concat("--language wants fr or en, not '", *language, "'"));
    }
    options.rig.seated = arguments.has("--seated");
    options.rig.heightOffset = static_cast<float>(arguments.number("--height-offset", 0.0, -1.0, 1.0));
    options.rig.standingEyeHeight = static_cast<float>(arguments.number("--eye-height", 1.50, 1.0, 2.0));
    if (arguments.has("--left-handed")) options.rig.dominantHand = Hand::Left;
    options.render = renderSettings(arguments);
    options.gpu = gpuOptions(arguments);
    return options;
}

display::openxr::OpenXrSettings headsetSettings(const VisitOptions& options, std::chrono::milliseconds patience) {
    // The OpenXR loader prints its own errors when no runtime is installed, which is the
    // normal case on a classroom PC; our message says it better. XR_LOADER_DEBUG=error
    // brings them back.
    setenv("XR_LOADER_DEBUG", "none", 0);
    display::openxr::OpenXrSettings settings;
    settings.validation = options.gpu.validation;
    settings.headsetPatience = patience;
    settings.giveUp = [] { return interrupted(); };
    settings.spectator = options.spectator;
    return settings;
}

// Tries the headset once, waiting --headset-wait seconds for it: how a visit without
// --mode learns whether a runtime answers and a headset is there. Throws XrUnavailable.
std::unique_ptr<display::Display> tryHeadset(const VisitOptions& options) {
    const auto patience = std::chrono::milliseconds(long(options.headsetWaitSeconds * 1000));
    return std::make_unique<display::openxr::OpenXrDisplay>(headsetSettings(options, patience));
}

// Waits for the runtime and the headset as long as it takes (--mode xr, or after the
// headset was lost), saying so every few seconds. Null when Ctrl+C stopped the wait;
// throws UserError for what waiting cannot fix.
std::unique_ptr<display::Display> waitForHeadset(const VisitOptions& options) {
    constexpr double kRetrySeconds = 1.0;
    constexpr int kTellEvery = 10; // tries: a line every ~10 s, not a flood
    const auto forever = std::chrono::milliseconds(std::chrono::hours(24 * 365));
    for (int attempt = 0;; ++attempt) {
        try {
            return std::make_unique<display::openxr::OpenXrDisplay>(headsetSettings(options, forever));
        } catch (const display::openxr::XrUnavailable& unavailable) {
            if (interrupted()) return nullptr;
            if (!unavailable.worthWaiting()) throw UserError(concat("no headset: ", unavailable.what()));
            if (attempt % kTellEvery == 0)
                log::info(concat("waiting for the OpenXR runtime: ", unavailable.what(), "; Ctrl+C to stop"));
        } catch (const display::openxr::XrFailure& failure) {
            // The runtime answered but failed on the way (often while it restarts).
            if (interrupted()) return nullptr;
            if (attempt % kTellEvery == 0)
                log::warning(concat("the headset did not start (", failure.what(), "); trying again (Ctrl+C to stop)"));
        }
        pause(kRetrySeconds);
        if (interrupted()) return nullptr;
    }
}

// The headless tour: the script given, a still view, or a walk around the model.
display::TourScript headlessTour(const VisitOptions& options, const scene::Bounds& bounds) {
    display::TourScript tour = options.tour     ? display::loadTourScript(*options.tour)
                               : options.camera ? display::stillView(*options.camera, *options.look,
                                                                     int(std::min(options.maxFrames, 100000LL)))
                                                : display::walkAround(bounds.min, bounds.max);
    if (options.size) {
        tour.width = options.size->x;
        tour.height = options.size->y;
    }
    if (options.fovDegrees) tour.fovDegrees = *options.fovDegrees;
    if (options.eyeDistance) tour.eyeDistance = *options.eyeDistance;
    return tour;
}

std::unique_ptr<display::Display> openDisplay(DisplayMode mode, const VisitOptions& options,
                                              const scene::Bounds& bounds) {
    switch (mode) {
    case DisplayMode::Headless: {
        display::TourScript tour = headlessTour(options, bounds);
        return std::make_unique<display::HeadlessDisplay>(options.gpu, std::move(tour), options.outFolder);
    }
    case DisplayMode::Headset: return waitForHeadset(options);
    case DisplayMode::Window: {
        display::window::DesktopSettings settings;
        settings.gpu = options.gpu;
        settings.eyeHeight = options.rig.standingEyeHeight + 0.1f; // an adult at a laptop
        settings.dominantHand = options.rig.dominantHand;
        if (options.size) {
            settings.width = static_cast<int>(options.size->x);
            settings.height = static_cast<int>(options.size->y);
        }
        return std::make_unique<display::window::DesktopDisplay>(settings);
    }
    }
    throw UserError("unknown display");
}

// Where a visitor first stands in a bare model: on the floor, at the front edge of the
// model, looking at it. (Site manifests will name their own spawn points.)
Pose spawnPoint(const scene::Bounds& bounds) {
    const glm::vec3 feet(bounds.center().x, bounds.min.y, bounds.max.z - 0.5f);
    return Pose{glm::quat(1, 0, 0, 0), feet};
}

// Validation messages of every display the visit used (a lost display takes its GPU
// and OpenXR instance with it: count them before it goes).
struct ValidationTally {
    std::size_t vulkan = 0;
    std::size_t openxr = 0;
    bool vulkanOn = false;
    bool openxrOn = false;

    void add(display::Display& display) {
        vulkanOn |= display.gpu().validationEnabled();
        vulkan += display.gpu().validationMessages().count();
        if (display.displayValidationEnabled()) {
            openxrOn = true;
            openxr += display.displayValidationMessages().size();
        }
    }
    void report() const {
        if (vulkanOn) log::info(concat("Vulkan validation: ", vulkan, vulkan == 1 ? " message" : " messages"));
        if (openxrOn) log::info(concat("OpenXR validation: ", openxr, openxr == 1 ? " message" : " messages"));
    }
};

// The visitor's controllers and lasers: nodes of the scene, moved every frame.
struct HandModels {
    scene::NodeId controller[2];
    scene::NodeId laser[2];
};

HandModels addHandModels(scene::Scene& scene) {
    HandModels hands{};
    for (int hand = 0; hand < 2; ++hand) {
        hands.controller[hand] = scene.addModel(scene::controllerModel(), glm::mat4(1), scene::kNoNode,
                                                scene::NodeKind::Visitor, hand ? "right controller" : "left controller");
        hands.laser[hand] = scene.addModel(scene::laserModel(), glm::mat4(1), scene::kNoNode, scene::NodeKind::Visitor,
                                           hand ? "right pointer" : "left pointer");
    }
    return hands;
}

void placeHandModels(scene::Scene& scene, const HandModels& models, const InputState& input,
                     const visit::VisitorRig& rig) {
    constexpr float kLaserLength = 2.5f; // m: far enough to aim at a machine across the aisle
    for (int hand = 0; hand < 2; ++hand) {
        const HandInput& h = input.hands[hand];
        // An untracked hand is not drawn (nor a pointer from where it was last seen).
        scene.setVisible(models.controller[hand], h.tracked);
        scene.setVisible(models.laser[hand], h.tracked);
        if (!h.tracked) continue;
        scene.setLocal(models.controller[hand], poseMatrix(rig.toWorld(h.grip)));
        scene.setLocal(models.laser[hand], glm::scale(poseMatrix(rig.toWorld(h.aim)), glm::vec3(1, 1, kLaserLength)));
    }
}

// After the rig forgot a floor the visitor showed (its tracking space is gone).
void tellFloorForgotten() {
    log::info("the floor shown earlier belonged to a tracking space that is gone: show it again if needed "
              "(crouch, controller on the floor, trigger and grip for a second)");
}

// Runs frames until the display quits (returns true) or must be replaced (false).
// `frames` counts the frames drawn, over every display of the visit.
// What the visit shows besides the plant: the panels, their words and glyphs.
struct Words {
    ui::SdfGlyphs& glyphs;
    visit::Experience& experience;
    VisitSound& sound;
    bool welcomed = false; // the welcome narration has started (once a visit, not once a display)
    bool selectHeldForPanel[2] = {false, false};
};

// The narration a visit starts with.
constexpr const char* kWelcomeNarration = "narration.welcome";

// While a panel is open, the trigger and the sticks are for it: the visitor does not
// walk or turn (a stickless controller walks with the trigger).
// A trigger that chose a button (and closed the panel) stays the panel's until it is
// released: held on, it would walk the visitor (`heldForPanel`, per hand, kept between frames).
InputState inputForRig(const InputState& input, bool panelOpen, bool (&heldForPanel)[2]) {
    InputState still = input;
    for (int index = 0; index < 2; ++index) {
        HandInput& hand = still.hands[index];
        heldForPanel[index] = hand.select && (panelOpen || heldForPanel[index]);
        if (heldForPanel[index]) hand.select = false;
        if (panelOpen) {
            hand.stick = glm::vec2(0);
            hand.turn = 0;
        }
    }
    return still;
}

// A menu choice the visitor rig carries out.
void applyChoice(ui::MenuAction action, visit::VisitorRig& rig, VisitSound& sound) {
    visit::RigSettings settings = rig.settings();
    switch (action) {
    case ui::MenuAction::Volume:
        // Full, half, a quarter, silent, then full again.
        sound.setVolume(sound.volume() > 0.75f ? 0.5f : sound.volume() > 0.375f ? 0.25f : sound.volume() > 0 ? 0.0f : 1.0f);
        log::info(concat("menu choice: volume ", int(std::lround(sound.volume() * 100)), " %"));
        return;
    case ui::MenuAction::ToggleSeated:
        settings.seated = !settings.seated;
        log::info(settings.seated ? "menu choice: seated (eyes lifted to standing height)" : "menu choice: standing");
        break;
    case ui::MenuAction::SnapTurn:
        // 30 degrees suits most; 45 turns faster, 15 is gentler for those who feel unwell.
        settings.snapTurnDegrees = settings.snapTurnDegrees < 20 ? 30.0f : settings.snapTurnDegrees < 40 ? 45.0f : 15.0f;
        log::info(concat("menu choice: turning in steps of ", int(settings.snapTurnDegrees), " degrees"));
        break;
    case ui::MenuAction::EyeHeight:
        // Steps of 10 cm, from 1.20 m (a seated pupil's eyes) to 1.70 m, then around.
        settings.standingEyeHeight = settings.standingEyeHeight >= 1.65f ? 1.2f : settings.standingEyeHeight + 0.1f;
        log::info(concat("menu choice: eye height ", settings.standingEyeHeight, " m (seated, or when the headset cannot tell)"));
        break;
    case ui::MenuAction::BackToStart:
        rig.backToStart();
        log::info("menu choice: back to the start");
        return;
    default: return;
    }
    rig.changeSettings(settings);
}

// Pixels of a quad layer's picture for a panel `size` metres: 1000 per metre, about
// what a headset shows at the 1.5 m a panel is read from (a Quest 3's ~25 per degree).
VkExtent2D quadPixels(const glm::vec2& size) {
    auto pixels = [](float metres) { return std::uint32_t(std::clamp(std::ceil(metres * 1000.0f), 16.0f, 2048.0f)); };
    return {pixels(size.x), pixels(size.y)};
}

// This frame's panels: head-following ones as the display's quad layers while it has
// room for them (a headset), the others, and those past its room, drawn in the scene.
void showPanels(display::Display& display, render::StereoRenderer& renderer, Words& words,
                const visit::VisitorRig& rig, render::FrameDestination& destination,
                std::pair<std::size_t, std::size_t>& told) {
    std::vector<ui::PlacedPanel> inScene;
    std::vector<ui::PanelDrawing> pictures;
    std::vector<display::QuadPanel> quads;
    const Pose worldToTracking = inverse(rig.trackingToWorld());
    for (const ui::PlacedPanel& panel : words.experience.panels()) {
        if (panel.headFollowing && quads.size() < display.quadLayerCapacity()) {
            quads.push_back({compose(worldToTracking, panel.pose), panel.drawing.size, quadPixels(panel.drawing.size)});
            pictures.push_back(panel.drawing);
        } else {
            inScene.push_back(panel);
        }
    }
    destination.panelImages = quads.empty() ? std::vector<render::PanelImage>{} : display.acquireQuadImages(quads);
    // Those the display could not take are drawn in the scene, where they are.
    for (std::size_t index = destination.panelImages.size(); index < pictures.size(); ++index)
        inScene.push_back({compose(rig.trackingToWorld(), quads[index].pose), pictures[index], true});
    pictures.resize(destination.panelImages.size());
    // Said when it changes (a panel opens or closes), not every frame.
    const std::pair<std::size_t, std::size_t> split{pictures.size(), inScene.size()};
    if (split != told && (!pictures.empty() || !inScene.empty())) {
        log::info(concat("panels: ", pictures.size(), " as quad layers, ", inScene.size(), " drawn in the scene",
                         display.kind() == display::DisplayKind::Headset
                             ? concat(" (the runtime takes up to ", display.quadLayerCapacity(), " quad layers)")
                             : std::string()));
    }
    told = split;
    renderer.setPanels(words.glyphs, inScene, pictures);
}

bool runFrames(display::Display& display, scene::Scene& scene, const HandModels& hands,
               const VisitOptions& options, visit::VisitorRig& rig, Words& words, long long& frames) {
    render::RenderSettings settings = options.render;
    settings.eyeExtent = display.eyeExtent();
    settings.keepDepth = display.wantsDepth();
    render::StereoRenderer renderer(display.gpu(), scene, settings);
    log::info(concat("drawing 2 x ", settings.eyeExtent.width, "x", settings.eyeExtent.height, ", ",
                     renderer.samplesText(), ", ", renderer.detailText(), ", ", renderer.shadowText(), ", ",
                     render::describe(renderer.passes()), ", on ",
                     display.gpu().capabilities().name));
    const float farZ = std::max(100.0f, scene.bounds().radius() * 4.0f);
    // 5 cm suits a plant seen at human scale; a model a few centimetres across (a part
    // exported in metres by mistake) needs a nearer plane to be seen at all. Reversed
    // depth keeps precision either way.
    const float nearZ = std::clamp(scene.bounds().radius() * 0.01f, 1e-4f, 0.05f);
    // A new display is a new tracking space: the rig re-anchors on its first tracked frame.
    if (rig.trackingChanged(display.trackingOrigin())) tellFloorForgotten();
    std::optional<std::uint64_t> trackingSpace;
    bool toldHowDrawn = false;
    std::pair<std::size_t, std::size_t> toldQuads{0, 0};
    while (true) {
        if (interrupted() || (options.maxFrames && frames >= options.maxFrames)) display.requestQuit();
        display::Frame frame;
        const display::FrameStatus status = display.beginFrame(frame);
        if (status == display::FrameStatus::Quit) {
            log::info(concat("visit ended after ", frames, " frames"));
            return true;
        }
        if (status == display::FrameStatus::Restart) return false;
        if (trackingSpace && *trackingSpace != frame.trackingSpace &&
            rig.trackingChanged(display.trackingOrigin(), frame.newSpaceHeightInOld))
            tellFloorForgotten();
        trackingSpace = frame.trackingSpace;
        if (!words.welcomed) {
            words.sound.narrate(kWelcomeNarration, words.experience.state().language);
            words.welcomed = true;
        }
        if (frame.headTracked) {
            const Pose head{frame.eyes[0].pose.orientation,
                            (frame.eyes[0].pose.position + frame.eyes[1].pose.position) * 0.5f};
            const visit::RigEvents events = rig.update(inputForRig(display.input(), words.experience.panelOpen(), words.selectHeldForPanel),
                                                       head, frame.deltaSeconds);
            const ui::Language languageBefore = words.experience.state().language;
            const visit::OpenPanel panelBefore = words.experience.state().panel;
            const Pose headInWorld = rig.toWorld(head);
            words.sound.setListener(headInWorld);
            words.experience.setSubtitle(words.sound.narrating());
            const visit::ExperienceEvents chosen =
                words.experience.update(display.input(), rig, headInWorld, frame.deltaSeconds);
            if (chosen.clicked) words.sound.cue(audio::Cue::Select);
            if (words.experience.state().panel != panelBefore) {
                static const char* const kPanelNames[] = {"none", "menu", "about"};
                log::debug(concat("open panel: ", kPanelNames[int(words.experience.state().panel)]));
            }
            // A tick felt as the laser reaches a button: short and light.
            for (const Hand hand : chosen.hoverTicks) display.vibrate(hand, 0.3f, 0.02f);
            if (chosen.chosen) applyChoice(*chosen.chosen, rig, words.sound);
            if (words.experience.state().language != languageBefore) {
                log::info(concat("menu choice: language ", ui::languageCode(words.experience.state().language)));
                // The voice switches with the words: the narration starts again in the new language.
                if (const auto narrating = words.sound.narrating())
                    words.sound.narrate(*narrating, words.experience.state().language);
            }
            if (chosen.quit) {
                log::info("the visitor quit (back, with no panel open)");
                display.requestQuit();
            }
            if (events.floorSet) {
                display.vibrate(*events.floorSet, 0.6f, 0.25f); // felt: the floor is taken
                log::info(concat("floor set at the ", *events.floorSet == Hand::Left ? "left" : "right",
                                 " controller: the visitor now sees from their own eye height"));
            }
        }
        words.sound.update(frame.deltaSeconds);
        if (status == display::FrameStatus::Render) {
            placeHandModels(scene, hands, display.input(), rig);
            showPanels(display, renderer, words, rig, frame.destination, toldQuads);
            render::StereoCamera camera;
            for (int eye = 0; eye < 2; ++eye) camera.eyes[eye] = rig.toWorld(frame.eyes[eye]);
            camera.nearZ = frame.nearZ = nearZ;
            camera.farZ = frame.farZ = farZ;
            renderer.renderFrame(camera, frame.destination);
            if (frame.destination.eyeLayers && !toldHowDrawn) {
                log::info(concat("both eyes ", renderer.drewIntoEyeLayers() ? "drawn straight into" : "copied into",
                                 " the headset's array swapchain"));
                toldHowDrawn = true;
            }
            ++frames;
        }
        display.endFrame(frame);
    }
}

// Every narration text has its sound in both languages: checked whole at start-up, as
// the texts are, so a missing file stops here with its name, never a silent gap.
void checkNarration(const ui::Translations& texts, const fs::path& folder) {
    std::string missing;
    for (const std::string& key : texts.keys()) {
        if (key.rfind("narration.", 0) != 0) continue;
        for (const ui::Language language : {ui::Language::French, ui::Language::English}) {
            const fs::path file = folder / ui::languageCode(language) / (key + ".ogg");
            if (!fs::exists(file)) missing += (missing.empty() ? "" : ", ") + file.string();
        }
    }
    if (!missing.empty())
        throw UserError(concat("narration missing: ", missing,
                               " (tools/draft-narration makes draft voices from the texts)"));
}

} // namespace

int visitCommand(const std::vector<std::string>& words) {
    std::set<std::string> valueOptions = kViewValueOptions;
    valueOptions.insert(
        {"--mode", "--tour", "--out", "--height-offset", "--eye-height", "--frames", "--start", "--headset-wait",
         "--language", "--volume"});
    const Arguments arguments(words, valueOptions, {"--help", "--seated", "--left-handed", "--spectator"});
    if (arguments.has("--help")) {
        std::fputs(kVisitHelp, stdout);
        return 0;
    }
    if (arguments.positional().size() != 1) throw UserError("usine visit wants one MODEL file (see usine visit --help)");
    const VisitOptions options = visitOptions(arguments);
    refuseOptionsOutOfScope(arguments, options.mode);
    // Every word a pupil will see, checked whole before anything starts: a text missing
    // in one language stops here with its key and file, never a blank in the headset.
    const ui::Translations texts = ui::Translations::load(dataDirectory() / "texts");
    const std::vector<ui::MenuEntry> menu = ui::loadMenu(dataDirectory() / "menu.toml", texts);
    log::info(concat("texts: ", texts.keys().size(), " in French and English, from ", (dataDirectory() / "texts").string(),
                     "; menu: ", menu.size(), " entries"));
    const ui::FontFace font;
    ui::SdfGlyphs glyphs(font);
    visit::ExperienceState startState;
    startState.language = options.language;
    visit::Experience experience(texts, menu, glyphs, startState);
    checkNarration(texts, dataDirectory() / "narration");

    // Import before any display: it forks, safest before GPU drivers start threads.
    const LoadedModel loaded = loadModel(arguments.positional()[0]);
    scene::Scene scene = scene::sceneOfModel(loaded.model);
    const scene::Bounds siteBounds = scene.bounds();
    const HandModels hands = addHandModels(scene);

    StopRequest::install();

    // Without --mode, a headset is tried first: opening it is how we learn whether a
    // runtime answers and a headset is there.
    DisplayProbe probe;
    probe.screen = screenAvailable();
    std::unique_ptr<display::Display> display;
    if (!options.mode) {
        try {
            display = tryHeadset(options);
        } catch (const display::openxr::XrUnavailable& unavailable) {
            probe.headsetUnavailable = unavailable.what();
        } catch (const std::exception& failure) {
            // Whatever went wrong with the headset, a visit without --mode goes on in a
            // window or headless, and says why.
            probe.headsetUnavailable = concat("the headset could not be started (", failure.what(), ")");
        }
        if (interrupted()) {
            log::info("visit stopped (Ctrl+C) while looking for a headset");
            return 0;
        }
    }
    const DisplayDecision decision = chooseDisplay(options.mode, probe);
    for (const std::string& unused : optionsUnusedOn(arguments, decision.mode))
        log::info(concat("not used with this display: ", unused));

    const bool scripted = decision.mode == DisplayMode::Headless;
    visit::RigSettings rigSettings = options.rig;
    rigSettings.placeHeadAtSpawn = !scripted;
    const Pose spawn = scripted        ? Pose{}
                       : options.start ? Pose{glm::quat(1, 0, 0, 0), *options.start}
                                       : spawnPoint(siteBounds);

    // Headless tours record what they hear beside their pictures; the others play it.
    VisitSound sound(scripted, decision.mode == DisplayMode::Headset, options.volume, dataDirectory() / "narration");
    Words shown{glyphs, experience, sound};

    ValidationTally validation;
    // One rig for the whole visit: when a display is replaced, the visitor stays where
    // they were in the factory.
    visit::VisitorRig rig(spawn, TrackingOrigin::Floor, rigSettings);
    long long frames = 0;
    while (true) {
        if (!display) display = openDisplay(decision.mode, options, siteBounds);
        if (!display) {
            log::info("visit stopped (Ctrl+C) while waiting for the headset");
            break;
        }
        log::info(concat("display: ", modeName(decision.mode), ", because ", decision.reason, " - ",
                         display->description()));
        const bool finished = runFrames(*display, scene, hands, options, rig, shown, frames);
        validation.add(*display);
        if (finished) break;
        log::warning("the display was lost; starting it again");
        display.reset(); // all its GPU objects go with it; the next one makes new ones
        if (interrupted()) break;
    }
    validation.report();
    if (scripted) sound.writeRecording(options.outFolder / "sound.wav");
    return 0;
}

} // namespace usine::app
