// `usine visit` as a teacher or CI meets it: on a machine with no headset and no screen
// it says so and plays the headless tour; a tour script drives it; mistakes name the
// file and line.
#include "core/files.h"
#include "core/image_io.h"
#include "support/headset_visit.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace usine;

namespace {
std::string usineProgramPath() { return testing::usineProgram().string(); }
} // namespace

TEST_CASE("with no headset and no screen, usine visit plays the headless tour and says why", "[visit]") {
    const auto folder = testing::testOutputDirectory() / "visit-auto";
    std::filesystem::remove_all(folder);
    const auto tour = testing::testOutputDirectory() / "short.tour";
    const std::string script = "size 64 48\nframes 3\nsave-every 2\nat 0 head 0 1.6 3 look 0 1 0\n";
    writeFileBytes(tour, script.data(), script.size());
    // No display variables: this is a machine without a screen.
    const auto result = testing::runProgram(
        "/usr/bin/env", {"-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", testing::usineProgram().string(), "visit", testing::factoryCellModel(),
                         "--tour", tour.string(), "--out", folder.string()});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("display: headless, because") && Catch::Contains("no screen"));
    CHECK_THAT(result.out, Catch::Contains("visit ended after 3 frames"));
    CHECK(readImageFile(folder / "frame-0000.png").width == 128);
    CHECK(std::filesystem::exists(folder / "frame-0002.png"));
}

TEST_CASE("a mistake in the tour script stops the visit with file and line", "[visit]") {
    const auto tour = testing::testOutputDirectory() / "broken.tour";
    const std::string script = "size 64 48\nat 0 fly 1 2 3\n";
    writeFileBytes(tour, script.data(), script.size());
    const auto result = testing::runProgram(testing::usineProgram().string(),
                                            {"visit", testing::factoryCellModel(), "--mode", "headless", "--tour", tour.string()});
    CHECK(result.exitCode == 2);
    CHECK_THAT(result.err, Catch::Contains(tour.string() + ":2: unknown 'fly'"));
}

TEST_CASE("the headless walk comes from the model's bounds: a small part 1 km away is shown all along",
          "[visit]") {
    // A 2 cm square (a 2 m one scaled x0.01) whose centre is 1.4 km from the origin.
    const auto square = testing::writeSquareModel("far-small", {1000, 0.01f, 1000}, 0.02f);
    const auto folder = testing::testOutputDirectory() / "visit-far-small";
    std::filesystem::remove_all(folder);
    const auto result = testing::runProgram(usineProgramPath(), {"visit", square.string(), "--mode", "headless",
                                                                  "--size", "64x48", "--out", folder.string()});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    int pictures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".png") continue; // the tour's sound.wav is beside them
        const Rgba8Image both = readImageFile(entry.path());
        INFO(entry.path());
        // In each eye, the square covers a fair part of the picture.
        for (int eye = 0; eye < 2; ++eye) {
            Rgba8Image one(both.width / 2, both.height);
            for (int y = 0; y < one.height; ++y)
                std::copy(both.at(eye * one.width, y), both.at(eye * one.width, y) + one.width * 4, one.at(0, y));
            CHECK(testing::objectPixels(one) > one.width * one.height / 50);
        }
        ++pictures;
    }
    CHECK(pictures == 4);
}

TEST_CASE("a text missing in one language stops the visit at start, naming the key and the file", "[visit]") {
    const auto data = testing::testOutputDirectory() / "data-missing-text";
    std::filesystem::remove_all(data);
    std::filesystem::create_directories(data / "texts");
    const std::string french = "[menu]\ntitle = \"Menu\"\nabout = \"À propos\"\n";
    const std::string english = "[menu]\ntitle = \"Menu\"\n";
    writeFileBytes(data / "texts" / "fr.toml", french.data(), french.size());
    writeFileBytes(data / "texts" / "en.toml", english.data(), english.size());
    std::filesystem::copy_file(testing::sourceDirectory() / "assets" / "menu.toml", data / "menu.toml");
    const auto result = testing::runProgram(
        "/usr/bin/env", {"USINE_DATA_DIR=" + data.string(), usineProgramPath(), "visit", testing::factoryCellModel(),
                         "--mode", "headless", "--frames", "1"});
    CHECK(result.exitCode == 2);
    CHECK(result.errorLines() ==
          std::vector<std::string>{"error: " + (data / "texts" / "en.toml").string() +
                                   ": the text 'menu.about' is missing (it is in " +
                                   (data / "texts" / "fr.toml").string() + ":3:9)"});
}
