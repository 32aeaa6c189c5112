// Narration in a whole visit, heard through the headless tour's recording (sound.wav,
// mixed by OpenAL Soft's loopback device in step with the frames): the welcome voice
// plays to its end, its subtitle is in the pictures exactly while it plays, and the
// volume setting scales what is heard.
#include "audio/ogg_file.h"
#include "audio/wav_file.h"
#include "core/data_directory.h"
#include "core/files.h"
#include "core/image_io.h"
#include "support/program_run.h"
#include "support/test_paths.h"
#include "ui/panel_layout.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>

using namespace usine;

namespace {

constexpr int kFps = 24;
constexpr int kSaveEvery = 6; // a picture every quarter of a second

struct Tour {
    testing::ProgramResult result;
    std::filesystem::path folder;
};

Tour runTour(const std::string& name, int frames, const std::vector<std::string>& extra = {}) {
    Tour tour;
    tour.folder = testing::testOutputDirectory() / ("narration-" + name);
    std::filesystem::remove_all(tour.folder);
    std::filesystem::create_directories(tour.folder);
    const std::string script = "size 96 72\nfps " + std::to_string(kFps) + "\nframes " + std::to_string(frames) +
                               "\nsave-every " + std::to_string(kSaveEvery) + "\nat 0 head 0 1.6 2.5 look 0 1.3 0\n";
    const auto file = tour.folder / "narration.tour";
    writeFileBytes(file, script.data(), script.size());
    std::vector<std::string> arguments = {"visit", testing::factoryCellModel(), "--mode", "headless", "--tour",
                                          file.string(), "--out", tour.folder.string()};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    tour.result = testing::runProgram(testing::usineProgram().string(), arguments);
    return tour;
}

// Pixels of the panels' background colour: the subtitle's board.
long subtitlePixels(const Rgba8Image& picture) {
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

// Seconds from the start to the last sample louder than -40 dBFS.
double lastSound(const audio::WavSound& sound) {
    for (std::size_t i = sound.samples.size(); i-- > 0;)
        if (std::abs(sound.samples[i]) > 0.01f) return double(i / std::size_t(sound.channels)) / sound.sampleRate;
    return 0;
}

double energy(const audio::WavSound& sound) {
    double sum = 0;
    for (float sample : sound.samples) sum += double(sample) * sample;
    return sum;
}

} // namespace

TEST_CASE("the welcome narration plays to its end, its subtitle shown exactly while it plays",
          "[visit][narration][sound]") {
    const double length = audio::OggFile(dataDirectory() / "narration" / "fr" / "narration.welcome.ogg").seconds();
    REQUIRE(length > 2.0);
    const int frames = int(std::ceil((length + 1.5) * kFps));
    const Tour tour = runTour("welcome", frames);
    INFO(tour.result.out << tour.result.err);
    REQUIRE(tour.result.exitCode == 0);
    CHECK_THAT(tour.result.out, Catch::Contains("narration narration.welcome (fr): a draft voice"));
    const audio::WavSound sound = audio::readWav(tour.folder / "sound.wav");
    REQUIRE(sound.channels == 2);
    const double heardUntil = lastSound(sound);
    INFO("the narration lasts " << length << " s; the recording is heard until " << heardUntil << " s");
    // To its end (its last syllable may fade under -40 dBFS a little before), and no longer.
    CHECK(heardUntil > length - 0.5);
    CHECK(heardUntil < length + 0.1);
    // The subtitle: in every picture while the voice speaks, in none once it is over
    // (a frame's tolerance either side of the end).
    int during = 0, after = 0;
    for (int frame = 0; frame < frames; frame += kSaveEvery) {
        char name[32];
        std::snprintf(name, sizeof name, "frame-%04d.png", frame);
        const double seconds = double(frame) / kFps;
        const long board = subtitlePixels(readImageFile(tour.folder / name));
        INFO("frame " << frame << " (" << seconds << " s): " << board << " subtitle pixels");
        if (seconds < length - 1.0 / kFps) {
            CHECK(board > 100);
            ++during;
        } else if (seconds > length + 1.0 / kFps) {
            CHECK(board == 0);
            ++after;
        }
    }
    CHECK(during >= 8);
    CHECK(after >= 2);
}

TEST_CASE("the volume setting scales what the visit sounds like", "[visit][sound]") {
    const Tour full = runTour("full", 48);
    const Tour half = runTour("half", 48, {"--volume", "0.5"});
    REQUIRE(full.result.exitCode == 0);
    REQUIRE(half.result.exitCode == 0);
    const double ratio = energy(audio::readWav(half.folder / "sound.wav")) / energy(audio::readWav(full.folder / "sound.wav"));
    INFO("energy at volume 0.5 / at 1: " << ratio);
    CHECK(ratio == Approx(0.25).margin(0.01)); // half the amplitude, a quarter of the energy
}
