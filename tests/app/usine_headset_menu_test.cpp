// The menu on a headset, through OpenXR actions on the test runtime: the right
// controller's menu button opens it, the controller points at "English" (its aim pose),
// the runtime counts the short buzz of arriving on the button, the trigger chooses, and
// the visit goes on in English. Pointing 5 cm beside the button: no buzz, no change.
#include "support/headset_visit.h"
#include "support/menu_target.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

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
