// The menu on a headset, through OpenXR actions on the test runtime: the right
// controller's menu button opens it, the controller points at "English" (its aim pose),
// the runtime counts the short buzz of arriving on the button, the trigger chooses, and
// the visit goes on in English. Pointing 5 cm beside the button: no buzz, no change.
#include "support/headset_visit.h"
#include "support/menu_target.h"
#include "support/test_paths.h"
#include "core/image_io.h"
#include "ui/contrast.h"
#include "ui/panel_layout.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <glm/gtc/quaternion.hpp>

using namespace usine;
using testing::XrRun;

namespace {

const glm::vec3 kHand(0.25f, 1.1f, -0.2f);

// The simple controller's right hand at kHand, its aim (= grip here) turned towards
// `target`: yaw about +Y, then pitch about the turned +X, as the runtime composes them.
std::string script(const glm::vec3& target) {
    const glm::vec3 d = target - kHand;
    const double yaw = std::atan2(-d.x, -d.z) * 180.0 / M_PI;
    const double pitch = std::atan2(d.y, std::hypot(d.x, d.z)) * 180.0 / M_PI;
    std::ostringstream text;
    text << "resolution 320 320\nframe 0 hand left untracked\nframe 0 head 0 1.5 0\n";
    text << "frame 0 hand right grip " << kHand.x << " " << kHand.y << " " << kHand.z << " yaw " << yaw << " pitch "
         << pitch << "\n";
    text << "frame 10 input /user/hand/right/input/menu/click 1\nframe 14 input /user/hand/right/input/menu/click 0\n";
    text << "frame 40 input /user/hand/right/input/select/click 1\nframe 44 input /user/hand/right/input/select/click 0\n";
    text << "capture 60\nend-after-frames 70\n";
    return text.str();
}

} // namespace

TEST_CASE("on a headset, the laser reaches English with a buzz and the trigger switches the language",
          "[headset][menu][pointer]") {
    const testing::MenuTarget english =
        testing::menuButton(Pose{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.5f, 0)}, "menu.language_english");
    const XrRun run("menu-english", script(english.centre));
    const auto result =
        testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("menu choice: language en"));
    const auto report = run.report();
    CHECK(report.at("haptics_count") == "1"); // one tick, on arriving at the button
    CHECK_THAT(report.at("last_haptic"), Catch::StartsWith("right amplitude=0.3 duration_ns=20000000"));
}

TEST_CASE("on a headset, a laser 5 cm beside the button neither buzzes nor chooses", "[headset][menu][pointer]") {
    const testing::MenuTarget english =
        testing::menuButton(Pose{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.5f, 0)}, "menu.language_english");
    const XrRun run("menu-beside", script(english.rightEdge + english.panelRight * 0.05f));
    const auto result =
        testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, !Catch::Contains("menu choice:"));
    CHECK(run.report().at("haptics_count") == "0");
}

namespace {

std::vector<double> numbers(const std::string& text) {
    std::istringstream in(text);
    std::vector<double> values;
    for (double value; in >> value;) values.push_back(value);
    return values;
}

// The menu opened at frame 10 by a head at 0 1.5 0 looking down -Z, then `lines`.
std::string menuScript(const std::string& lines) {
    return "resolution 320 320\nframe 0 hand left untracked\nframe 0 hand right untracked\nframe 0 head 0 1.5 0\n"
           "frame 10 input /user/hand/right/input/menu/click 1\nframe 14 input /user/hand/right/input/menu/click 0\n" +
           lines;
}

// Pixels within 3 of the panel's background colour.
long panelPixels(const Rgba8Image& picture) {
    const ui::PanelLook look;
    long count = 0;
    for (int y = 0; y < picture.height; ++y)
        for (int x = 0; x < picture.width; ++x) {
            const std::uint8_t* p = picture.at(x, y);
            count += std::abs(p[0] - look.background.r) <= 3 && std::abs(p[1] - look.background.g) <= 3 &&
                     std::abs(p[2] - look.background.b) <= 3;
        }
    return count;
}

} // namespace

TEST_CASE("the menu is a quad layer at the panel's anchor, and its picture shows the panel", "[headset][menu][quad]") {
    const testing::MenuTarget menu =
        testing::menuButton(Pose{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.5f, 0)}, "menu.language_english");
    const XrRun run("menu-quad", menuScript("capture 40\nend-after-frames 45\n"));
    const auto result =
        testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    // The menu and the welcome narration's subtitle, the menu first.
    CHECK_THAT(result.out, Catch::Contains("panels: 2 as quad layers, 0 drawn in the scene"));
    const auto report = run.report();
    CHECK(report.at("last_quad_count") == "2");
    const std::vector<double> pose = numbers(report.at("last_quad_pose"));
    const std::vector<double> size = numbers(report.at("last_quad_size"));
    REQUIRE(pose.size() == 7);
    REQUIRE(size.size() == 2);
    INFO("quad at " << report.at("last_quad_pose") << ", size " << report.at("last_quad_size"));
    // The anchor: 1.5 m ahead of the eyes, 0.15 m below them, facing the visitor.
    CHECK(pose[0] == Approx(menu.panel.position.x).margin(0.001));
    CHECK(pose[1] == Approx(menu.panel.position.y).margin(0.001));
    CHECK(pose[2] == Approx(menu.panel.position.z).margin(0.001));
    CHECK(std::abs(pose[6]) == Approx(std::abs(menu.panel.orientation.w)).margin(1e-4));
    CHECK(size[0] == Approx(menu.panelSize.x).margin(1e-4));
    CHECK(size[1] == Approx(menu.panelSize.y).margin(1e-4));
    // Its picture: the panel's background to the corners, white words on it at 7:1.
    const Rgba8Image quad = readImageFile(run.folder / "capture40-quad0.png");
    const ui::PanelLook look;
    for (const auto& [x, y] : {std::pair{0, 0}, {quad.width - 1, 0}, {0, quad.height - 1},
                               {quad.width - 1, quad.height - 1}}) {
        const std::uint8_t* p = quad.at(x, y);
        CHECK(std::abs(p[0] - look.background.r) <= 1);
        CHECK(std::abs(p[2] - look.background.b) <= 1);
    }
    CHECK(panelPixels(quad) > 50000); // around the buttons
    long white = 0;
    for (int y = 0; y < quad.height; ++y)
        for (int x = 0; x < quad.width; ++x) white += quad.at(x, y)[0] > 240 && quad.at(x, y)[2] > 240;
    CHECK(white > 2000);
    CHECK(ui::contrastRatio(look.text, look.background) >= ui::kMinimumTextContrast);
    // Not drawn in the scene as well: the eyes show no panel.
    CHECK(panelPixels(readImageFile(run.folder / "capture40-eye0.png")) < 50);
}

TEST_CASE("past the runtime's layer limit the menu is drawn in the scene instead", "[headset][menu][quad]") {
    const XrRun run("menu-no-quads", menuScript("max-layers 1\ncapture 40\nend-after-frames 45\n"));
    const auto result =
        testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--start", "0,0,0"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("panels: 0 as quad layers, 2 drawn in the scene"));
    CHECK(run.report().at("quad_layers_submitted") == "0");
    CHECK(panelPixels(readImageFile(run.folder / "capture40-eye0.png")) > 1000); // 1877 when measured
}

TEST_CASE("the quad follows lazily: a 30 degree head turn keeps it, 40 degrees re-centres it within 1 s",
          "[headset][menu][quad]") {
    const testing::MenuTarget menu =
        testing::menuButton(Pose{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.5f, 0)}, "menu.language_english");
    // The head turns left between frames 30 and 40, then holds; the run ends 1 s (90
    // frames) after the turn.
    for (const int degrees : {30, 40}) {
        const XrRun run("menu-turn-" + std::to_string(degrees),
                        menuScript("frame 30 head 0 1.5 0\nframe 40 head 0 1.5 0 yaw " + std::to_string(degrees) +
                                   "\nend-after-frames 130\n"));
        const auto result =
            testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr", "--start", "0,0,0"});
        INFO(result.out << result.err);
        REQUIRE(result.exitCode == 0);
        const std::vector<double> pose = numbers(run.report().at("last_quad_pose"));
        REQUIRE(pose.size() == 7);
        const glm::dvec2 fromHead(pose[0], pose[2]); // the head stands at x = 0, z = 0
        const double bearing = glm::degrees(std::atan2(-fromHead.x, -fromHead.y)); // left of -Z is positive
        INFO("head turned " << degrees << " degrees: the panel is " << bearing << " degrees to the left");
        if (degrees == 30) {
            CHECK(pose[0] == Approx(menu.panel.position.x).margin(0.001));
            CHECK(pose[2] == Approx(menu.panel.position.z).margin(0.001));
        } else {
            CHECK(bearing == Approx(40.0).margin(0.5));
            CHECK(glm::length(fromHead) == Approx(1.5).margin(0.01));
        }
    }
}
