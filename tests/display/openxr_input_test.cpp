// Controls through OpenXR actions: for each interaction profile we suggest bindings
// for, presses scripted on the test runtime's controllers reach the visit's actions,
// and a vibration reaches the controller. In-process, through the real loader.
#include "display/openxr/openxr_display.h"
#include "render/stereo_renderer.h"
#include "support/test_scenes.h"
#include "support/test_xr_runtime.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>

using namespace usine;

namespace {

struct ProfileCase {
    std::string profile;       // as the runtime's script names it
    std::string inputs;        // script lines
    std::function<bool(const InputState&)> reached; // the visit's actions all arrived
    bool hasStick;
};

const std::vector<ProfileCase>& cases() {
    static const std::vector<ProfileCase> all = {
        {"khr/simple_controller",
         "frame 0 input /user/hand/right/input/select/click 1\nframe 0 input /user/hand/left/input/menu/click 1\n",
         [](const InputState& in) { return in[Hand::Right].select && in[Hand::Right].grab == 1.0f && in[Hand::Left].menu; },
         false},
        {"oculus/touch_controller",
         "frame 0 input /user/hand/right/input/trigger/value 1\nframe 0 input /user/hand/right/input/squeeze/value 0.75\n"
         "frame 0 input /user/hand/left/input/thumbstick 0 1\nframe 0 input /user/hand/right/input/thumbstick 0.9 0\n"
         "frame 0 input /user/hand/left/input/menu/click 1\n",
         [](const InputState& in) {
             return in[Hand::Right].select && in[Hand::Right].grab == Approx(0.75f) && in[Hand::Left].stick.y == 1.0f &&
                    in[Hand::Right].turn == Approx(0.9f) && in[Hand::Left].menu;
         },
         true},
        {"valve/index_controller",
         "frame 0 input /user/hand/right/input/trigger/click 1\nframe 0 input /user/hand/right/input/squeeze/value 0.5\n"
         "frame 0 input /user/hand/left/input/thumbstick 0 1\nframe 0 input /user/hand/right/input/thumbstick 0.9 0\n"
         "frame 0 input /user/hand/right/input/b/click 1\n",
         [](const InputState& in) {
             return in[Hand::Right].select && in[Hand::Right].grab == Approx(0.5f) && in[Hand::Left].stick.y == 1.0f &&
                    in[Hand::Right].turn == Approx(0.9f) && in[Hand::Right].menu;
         },
         true},
        {"htc/vive_controller",
         "frame 0 input /user/hand/right/input/trigger/click 1\nframe 0 input /user/hand/right/input/squeeze/click 1\n"
         "frame 0 input /user/hand/left/input/trackpad 0 1\nframe 0 input /user/hand/right/input/trackpad 0.9 0\n"
         "frame 0 input /user/hand/right/input/menu/click 1\n",
         [](const InputState& in) {
             return in[Hand::Right].select && in[Hand::Right].grab == 1.0f && in[Hand::Left].stick.y == 1.0f &&
                    in[Hand::Right].turn == Approx(0.9f) && in[Hand::Right].menu;
         },
         true},
        {"microsoft/motion_controller",
         "frame 0 input /user/hand/right/input/trigger/value 1\nframe 0 input /user/hand/right/input/squeeze/click 1\n"
         "frame 0 input /user/hand/left/input/thumbstick 0 1\nframe 0 input /user/hand/right/input/thumbstick 0.9 0\n"
         "frame 0 input /user/hand/left/input/menu/click 1\n",
         [](const InputState& in) {
             return in[Hand::Right].select && in[Hand::Right].grab == 1.0f && in[Hand::Left].stick.y == 1.0f &&
                    in[Hand::Right].turn == Approx(0.9f) && in[Hand::Left].menu;
         },
         true},
    };
    return all;
}

} // namespace

TEST_CASE("scripted presses on each controller profile reach the visit's actions", "[headset][input]") {
    const scene::Scene scene = scene::sceneOfModel(std::make_shared<scene::Model>(testing::cubeModel({0, 1.5f, -2}, 0.5f)));
    for (const ProfileCase& c : cases()) {
        INFO("profile " << c.profile);
        const testing::XrRun run("input-" + c.profile.substr(c.profile.find('/') + 1),
                                 "resolution 48 48\nprofile " + c.profile + "\nframe 0 head 0 1.6 0\n" +
                                     "frame 0 hand left grip -0.2 1.2 -0.3\nframe 0 hand right grip 0.2 1.2 -0.3\n" +
                                     c.inputs);
        for (const auto& [name, value] : run.environment()) ::setenv(name.c_str(), value.c_str(), 1);
        {
            display::openxr::OpenXrSettings settings;
            settings.validation = true;
            settings.headsetPatience = std::chrono::seconds(5);
            display::openxr::OpenXrDisplay headset(settings);
            render::StereoRenderer renderer(headset.gpu(), scene, {headset.eyeExtent(), VK_SAMPLE_COUNT_1_BIT, {}, headset.wantsDepth()});
            bool reached = false, vibrated = false, quitting = false;
            for (int frame = 0; frame < 400; ++frame) {
                display::Frame f;
                const auto status = headset.beginFrame(f);
                if (status == display::FrameStatus::Quit) break;
                REQUIRE(status != display::FrameStatus::Restart);
                if (status == display::FrameStatus::Render) {
                    render::StereoCamera camera;
                    camera.eyes[0] = f.eyes[0];
                    camera.eyes[1] = f.eyes[1];
                    renderer.renderFrame(camera, f.destination);
                }
                headset.endFrame(f);
                const InputState& in = headset.input();
                if (!reached && c.reached(in)) {
                    reached = true;
                    CHECK(in[Hand::Left].hasStick == c.hasStick);
                    CHECK(in[Hand::Right].tracked);
                    headset.vibrate(Hand::Right, 0.5f, 0.1f);
                    vibrated = true;
                }
                if (reached && !quitting) {
                    headset.requestQuit();
                    quitting = true;
                }
            }
            CHECK(reached);
            CHECK(vibrated);
            CHECK(headset.displayValidationMessages().empty());
            CHECK(headset.gpu().validationMessages().count() == 0);
        }
        const auto report = run.report();
        REQUIRE_FALSE(report.empty());
        CHECK(report.at("profile") == "/interaction_profiles/" + c.profile);
        CHECK(report.at("haptics_count") == "1");
        CHECK(report.at("api_misuse_count") == "0");
    }
}
