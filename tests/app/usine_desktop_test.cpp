// The desktop display under a virtual X server (Xvfb): the window opens, and a
// screenshot taken from the X server itself (xwd -root) shows the scene.
#include "core/files.h"
#include "core/image_io.h"
#include "core/text.h"
#include "support/background_process.h"
#include "support/test_paths.h"
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
} // namespace

TEST_CASE("under Xvfb the desktop visit opens a window, and the X server shows the scene", "[desktop]") {
    const std::string display = concat(":", 90 + ::getpid() % 100);
    const auto out = testing::testOutputDirectory();
    testing::BackgroundProcess xserver({"Xvfb", display, "-screen", "0", "640x400x24", "-nolisten", "tcp"}, {},
                                       (out / "xvfb.log").string());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(xserver.running());

    const std::string cell = (testing::sourceDirectory() / "assets/models/factory_cell.gltf").string();
    testing::BackgroundProcess visit({testing::usineProgram().string(), "visit", cell, "--mode", "desktop", "--size", "640x400"},
                                     {{"DISPLAY", display}, {"USINE_VALIDATION", "1"}},
                                     (out / "desktop-visit.log").string());

    // Screenshots until the window shows a picture (lavapipe takes a few seconds to start).
    const auto screenshot = out / "desktop.xwd";
    Rgba8Image screen;
    double picture = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && visit.running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const std::string command = concat("xwd -root -display ", display, " -out ", screenshot.string(), " 2>/dev/null");
        if (std::system(command.c_str()) != 0) continue;
        screen = testing::readXwdScreenshot(screenshot);
        picture = shareOfPicture(screen);
        if (picture > 0.1) break;
    }
    if (!screen.empty()) writePng(out / "desktop-screenshot.png", screen);
    const int exitCode = visit.stop(20); // SIGTERM: the visit ends cleanly
    const std::string log = readFileText(out / "desktop-visit.log");
    INFO(log);
    CHECK(picture > 0.1);
    CHECK(exitCode == 0);
    CHECK_THAT(log, Catch::Contains("display: window, because --mode window was asked for"));
    CHECK_THAT(log, Catch::Contains("Vulkan validation: 0 messages"));
}
