// The menu in a whole visit, driven by a headless tour through the same input path as a
// headset: the tour's right hand points at the "English" button of the menu it opened
// and presses select; the next pictures show the English menu, exactly as a visit
// started in English does. A hand pointing 5 cm beside the button changes nothing.
#include "core/files.h"
#include "core/image_io.h"
#include "support/menu_target.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using namespace usine;

namespace {

const Pose kHead{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.5f, 0)};
const glm::vec3 kHand(0.25f, 1.1f, -0.2f);

// Opens the menu at frame 2, points at `target` all along, presses select at frame 20
// when `select`; 30 frames, the last one saved.
std::string tour(const glm::vec3& target, bool select) {
    std::ostringstream script;
    script << "size 320 240\nframes 30\nsave-every 1000\n";
    script << "at 0 head 0 1.5 0 look 0 1.5 -1\n";
    script << "at 0 hand right " << kHand.x << " " << kHand.y << " " << kHand.z << " point " << target.x << " "
           << target.y << " " << target.z << "\n";
    script << "at 2 press right menu\nat 4 release right menu\n";
    if (select) script << "at 20 press right select\nat 22 release right select\n";
    return script.str();
}

struct TourRun {
    testing::ProgramResult result;
    Rgba8Image last;
};

TourRun runTour(const std::string& name, const std::string& script, const std::vector<std::string>& extra = {}) {
    const auto folder = testing::testOutputDirectory() / ("menu-" + name);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const auto file = folder / "menu.tour";
    writeFileBytes(file, script.data(), script.size());
    std::vector<std::string> arguments = {"visit", testing::factoryCellModel(), "--mode", "headless", "--tour",
                                          file.string(), "--out", folder.string()};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    TourRun run;
    run.result = testing::runProgram(testing::usineProgram().string(), arguments);
    if (run.result.exitCode == 0) run.last = readImageFile(folder / "frame-0029.png");
    return run;
}

// Mean absolute difference per channel, 0..255.
double meanDifference(const Rgba8Image& a, const Rgba8Image& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    double sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

} // namespace

TEST_CASE("a headless tour points at English in the menu, selects it, and the menu turns English",
          "[visit][menu][pointer]") {
    const testing::MenuTarget english = testing::menuButton(kHead, "menu.language_english");
    const TourRun chosen = runTour("chosen", tour(english.centre, true));
    INFO(chosen.result.out << chosen.result.err);
    REQUIRE(chosen.result.exitCode == 0);
    CHECK_THAT(chosen.result.out, Catch::Contains("menu choice: language en"));
    const TourRun french = runTour("french", tour(english.centre, false));
    REQUIRE(french.result.exitCode == 0);
    CHECK_THAT(french.result.out, !Catch::Contains("menu choice:"));
    const TourRun startedEnglish = runTour("english", tour(english.centre, false), {"--language", "en"});
    REQUIRE(startedEnglish.result.exitCode == 0);
    const double sameAsEnglish = meanDifference(chosen.last, startedEnglish.last);
    const double fromFrench = meanDifference(chosen.last, french.last);
    INFO("mean difference from a visit started in English " << sameAsEnglish << ", from the French one " << fromFrench);
    // Tolerance: the same frame drawn twice is the same picture; 0.05 leaves room for
    // nothing but rounding.
    CHECK(sameAsEnglish < 0.05);
    CHECK(fromFrench > 0.2);
}

TEST_CASE("a hand pointing 5 cm beside the button and pressing select changes nothing", "[visit][menu][pointer]") {
    const testing::MenuTarget english = testing::menuButton(kHead, "menu.language_english");
    const glm::vec3 beside = english.rightEdge + english.panelRight * 0.05f;
    const TourRun pressed = runTour("beside-pressed", tour(beside, true));
    INFO(pressed.result.out << pressed.result.err);
    REQUIRE(pressed.result.exitCode == 0);
    CHECK_THAT(pressed.result.out, !Catch::Contains("menu choice:"));
    const TourRun still = runTour("beside-still", tour(beside, false));
    REQUIRE(still.result.exitCode == 0);
    CHECK(meanDifference(pressed.last, still.last) < 0.05);
}
