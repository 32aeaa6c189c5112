// Windows under a virtual X server (Xvfb): the desktop visit's window opens, and so does
// the spectator window of a headset visit (on the test OpenXR runtime); screenshots
// taken from the X server itself (xwd -root) show the scene in them.
#include "core/files.h"
#include "core/image_io.h"
#include "core/text.h"
#include "support/background_process.h"
#include "support/test_paths.h"
#include "support/test_xr_runtime.h"
#include "support/virtual_screen.h"
#include "support/xwd_reader.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <unistd.h>

using namespace usine;

namespace {
// Share of the screen that is drawn scene rather than sky: pixels differing from the
// top-left one (the sky behind the cell) by more than 20 in a channel. Zero while the
// window is not there (the screen is black) or still empty.
double shareOfPicture(const Rgba8Image& screen) {
    const std::uint8_t* sky = screen.at(0, 0);
    if (sky[0] + sky[1] + sky[2] < 30) return 0; // black: no window yet
    int drawn = 0, total = 0;
    for (int y = 0; y < screen.height; y += 2)
        for (int x = 0; x < screen.width; x += 2) {
            ++total;
            const std::uint8_t* p = screen.at(x, y);
            for (int c = 0; c < 3; ++c)
                if (std::abs(int(p[c]) - int(sky[c])) > 20) {
                    ++drawn;
                    break;
                }
        }
    return double(drawn) / total;
}

// Screenshots of the whole X screen until it shows a picture or `program` ends (lavapipe
// takes a few seconds to start); returns the share of the screen that is picture, and
// leaves the last screenshot in NAME.png.
double waitForPicture(const testing::VirtualScreen& screen, testing::BackgroundProcess& program, const std::string& name) {
    const auto out = testing::testOutputDirectory();
    const auto screenshot = out / (name + ".xwd");
    Rgba8Image picture;
    double share = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && program.running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const std::string command =
            concat("xwd -root -display ", screen.display(), " -out ", screenshot.string(), " 2>/dev/null");
        if (std::system(command.c_str()) != 0) continue;
        picture = testing::readXwdScreenshot(screenshot);
        share = shareOfPicture(picture);
        if (share > 0.1) break;
    }
    if (!picture.empty()) writePng(out / (name + ".png"), picture);
    return share;
}
} // namespace

TEST_CASE("under Xvfb the desktop visit opens a window, and the X server shows the scene", "[desktop]") {
    testing::VirtualScreen screen;
    const auto out = testing::testOutputDirectory();
    testing::BackgroundProcess visit({testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--mode", "desktop", "--size", "640x400"},
                                     {{"DISPLAY", screen.display()}, {"USINE_VALIDATION", "1"}},
                                     (out / "desktop-visit.log").string());
    const double picture = waitForPicture(screen, visit, "desktop-screenshot");
    const int exitCode = visit.stop(20); // SIGTERM: the visit ends cleanly
    const std::string log = readFileText(out / "desktop-visit.log");
    INFO(log);
    CHECK(picture > 0.1);
    CHECK(exitCode == 0);
    CHECK_THAT(log, Catch::Contains("display: window, because --mode desktop was asked for"));
    CHECK_THAT(log, Catch::Contains("Vulkan validation: 0 messages"));
}

TEST_CASE("a headset visit with --spectator shows the visitor's view in a window for a projector", "[desktop][headset]") {
    testing::VirtualScreen screen;
    const testing::XrRun run("spectator", "resolution 320 200\nframe 0 head 0 1.6 0\n");
    auto environment = run.environment();
    environment["DISPLAY"] = screen.display();
    environment["USINE_VALIDATION"] = "1";
    const auto out = testing::testOutputDirectory();
    testing::BackgroundProcess visit({testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--mode", "xr", "--spectator"},
                                     environment, (out / "spectator-visit.log").string());
    const double picture = waitForPicture(screen, visit, "spectator-screenshot");
    const int exitCode = visit.stop(20);
    const std::string log = readFileText(out / "spectator-visit.log");
    INFO(log);
    CHECK(picture > 0.05); // a 320 x 200 window on a 640 x 400 screen: a quarter at most
    CHECK(exitCode == 0);
    CHECK_THAT(log, Catch::Contains("display: headset"));
    CHECK_THAT(log, Catch::Contains("Vulkan validation: 0 messages"));
    CHECK_THAT(log, Catch::Contains("OpenXR validation: 0 messages"));
    const auto report = run.report();
    CHECK(report.at("api_misuse_count") == "0");
    // The headset kept going: every frame it waited for was drawn and submitted, however
    // slow the window (counts, not a clock: this machine may be busy).
    CHECK(std::stol(report.at("frames_submitted")) > 0);
    CHECK(report.at("frames_submitted") == report.at("frames_waited"));
    CHECK(report.at("frames_discarded") == "0");
}

namespace {

// Waits until `file` contains `text` or `program` ends; true when it does.
bool waitForLine(const std::filesystem::path& file, const std::string& text, testing::BackgroundProcess& program) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::filesystem::exists(file) && readFileText(file).find(text) != std::string::npos) return true;
        if (!program.running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
}

// Presses and releases keys in the virtual screen (the window under the pointer has the
// keyboard: there is no window manager), away from the menu: the mouse pointing at
// a button would move the focus there.
void pressKeys(const testing::VirtualScreen& screen, const std::string& keys) {
    const std::string command = concat("DISPLAY=", screen.display(), " xdotool mousemove 4 4 key --delay 150 ", keys);
    REQUIRE(std::system(command.c_str()) == 0);
}

} // namespace

TEST_CASE("keyboard in the window: Tab opens the menu, Down and Enter choose English, Escape closes, then quits",
          "[desktop][keyboard][menu]") {
    testing::VirtualScreen screen;
    const auto out = testing::testOutputDirectory();
    const auto logFile = out / "desktop-keyboard.log";
    testing::BackgroundProcess visit({testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--mode",
                                      "desktop", "--size", "640x400", "--verbose"},
                                     {{"DISPLAY", screen.display()}}, logFile.string());
    REQUIRE(waitForPicture(screen, visit, "desktop-keyboard-start") > 0.1);
    // Tab opens the menu with the focus on its first entry (Français); Down moves it to
    // English; Enter chooses it.
    pressKeys(screen, "Tab");
    REQUIRE(waitForLine(logFile, "open panel: menu", visit));
    pressKeys(screen, "Down Return");
    CHECK(waitForLine(logFile, "menu choice: language en", visit));
    // Escape closes the menu, and only a second Escape, with no panel open, quits.
    pressKeys(screen, "Escape");
    CHECK(waitForLine(logFile, "open panel: none", visit));
    CHECK(visit.running());
    pressKeys(screen, "Escape");
    CHECK(waitForLine(logFile, "the visitor quit (back, with no panel open)", visit));
    const int exitCode = visit.stop(20);
    INFO(readFileText(logFile));
    CHECK(exitCode == 0);
}
