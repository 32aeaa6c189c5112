// Sound in space, heard through OpenAL Soft's loopback device (no speakers needed): a
// machine on the visitor's left is louder in the left ear; once the head turns to face
// it, both ears hear it alike; the volume setting scales what comes out.
#include "audio/sound_clip.h"
#include "audio/sound_output.h"
#include "audio/sound_source.h"
#include "display/tour_script.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <cmath>
#include <glm/gtc/constants.hpp>

using namespace usine;
using namespace usine::audio;

namespace {

constexpr int kRate = 48000;

// One second of a machine's hum: 220 Hz with harmonics, so the HRTF has something to
// shape at every frequency band.
std::vector<std::int16_t> hum() {
    std::vector<std::int16_t> samples(kRate);
    for (int i = 0; i < kRate; ++i) {
        const double t = double(i) / kRate;
        double value = 0;
        for (int harmonic = 1; harmonic <= 8; ++harmonic)
            value += std::sin(glm::two_pi<double>() * 220.0 * harmonic * t) / harmonic;
        samples[std::size_t(i)] = static_cast<std::int16_t>(value * 8000);
    }
    return samples;
}

struct Energy {
    double left = 0;
    double right = 0;
};

// Energy of each channel over `frames`, after a short settling time.
Energy listen(SoundOutput& output, int frames) {
    output.renderLoopback(kRate / 10); // let the mixer and HRTF filters settle
    const std::vector<float> samples = output.renderLoopback(frames);
    Energy energy;
    for (std::size_t i = 0; i + 1 < samples.size(); i += 2) {
        energy.left += double(samples[i]) * samples[i];
        energy.right += double(samples[i + 1]) * samples[i + 1];
    }
    return energy;
}

// A pupil at the origin, eyes at 1.5 m, turned `degrees` to the left.
Pose head(float degrees) { return Pose{glm::angleAxis(glm::radians(degrees), glm::vec3(0, 1, 0)), {0, 1.5f, 0}}; }

} // namespace

TEST_CASE("a machine on the visitor's left is heard in the left ear; facing it, in both alike", "[audio]") {
    auto output = SoundOutput::openLoopback(kRate);
    INFO(output->description());
    const SoundClip clip(hum(), kRate);
    SoundSource machine(clip, {-2, 1.5f, 0}, true); // 2 m to the left
    machine.play();

    output->setListener(head(0));
    const Energy side = listen(*output, kRate / 2);
    INFO("left " << side.left << ", right " << side.right);
    CHECK(side.left >= 2 * side.right);

    output->setListener(head(90)); // turned left, towards it
    const Energy ahead = listen(*output, kRate / 2);
    const double decibels = 10 * std::log10(ahead.left / ahead.right);
    INFO("facing: " << decibels << " dB between the ears");
    CHECK(std::abs(decibels) <= 1.0);
}

TEST_CASE("a scripted 90 degree head turn towards a machine on the left evens the ears", "[audio][tour]") {
    // The head of a tour script (the format headless visits play), frame by frame as a
    // visit sets the listener: still for a second, turning left over half a second, still.
    const display::TourScript tour = display::parseTourScript(R"(fps 72
frames 216
at 0 head 0 1.5 0 look 0 1.5 -1
at 72 head 0 1.5 0 look 0 1.5 -1
at 108 head 0 1.5 0 look -1 1.5 0
)", "turn.tour");
    auto output = SoundOutput::openLoopback(kRate);
    const SoundClip clip(hum(), kRate);
    SoundSource machine(clip, {-2, 1.5f, 0}, true); // 2 m to the left of the start
    machine.play();
    Energy before, after;
    const int perFrame = kRate / 72;
    for (int frame = 0; frame < tour.frames; ++frame) {
        output->setListener(tour.headAt(frame));
        const std::vector<float> samples = output->renderLoopback(perFrame);
        // Measured over the last half second of each still part (the HRTF has settled).
        Energy* energy = frame >= 36 && frame < 72 ? &before : frame >= 180 ? &after : nullptr;
        if (!energy) continue;
        for (std::size_t i = 0; i + 1 < samples.size(); i += 2) {
            energy->left += double(samples[i]) * samples[i];
            energy->right += double(samples[i + 1]) * samples[i + 1];
        }
    }
    INFO("before the turn: left " << before.left << ", right " << before.right);
    CHECK(before.left >= 2 * before.right);
    const double decibels = 10 * std::log10(after.left / after.right);
    INFO("after the turn: " << decibels << " dB between the ears");
    CHECK(std::abs(decibels) <= 1.0);
}

TEST_CASE("the volume setting scales what the visitor hears", "[audio]") {
    auto output = SoundOutput::openLoopback(kRate);
    const SoundClip clip(hum(), kRate);
    SoundSource machine(clip, {0, 1.5f, -2}, true);
    machine.play();
    output->setListener(head(0));
    const Energy full = listen(*output, kRate / 2);
    output->setVolume(0.5f);
    const Energy half = listen(*output, kRate / 2);
    // Half the amplitude: a quarter of the energy.
    CHECK((half.left + half.right) / (full.left + full.right) == Approx(0.25).epsilon(0.05));
    output->setVolume(0);
    const Energy none = listen(*output, kRate / 2);
    CHECK(none.left + none.right == Approx(0).margin(1e-6));
}

TEST_CASE("with no audio device, the visit goes on silent, after one warning", "[audio]") {
    // OpenAL Soft reads its backends once per process: a child process, told to use a
    // backend that does not exist, stands for a server with no sound card.
    char logPath[] = "/tmp/usine-audio-XXXXXX";
    const int log = ::mkstemp(logPath);
    REQUIRE(log >= 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(log, 2);
        // Only the ALSA backend, pointed at a card that is not there.
        ::setenv("ALSOFT_LOGLEVEL", "0", 0); // as usine's main() does
        ::setenv("ALSOFT_DRIVERS", "alsa", 1);
        ::setenv("ALSA_CONFIG_PATH", "/nonexistent/alsa.conf", 1);
        const bool silent = SoundOutput::openSpeakers() == nullptr;
        ::_exit(silent ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(log);
    std::ifstream file(logPath);
    std::stringstream text;
    text << file.rdbuf();
    ::unlink(logPath);
    INFO(text.str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    // One line, ours: ALSA's and OpenAL Soft's own complaints are kept out of a teacher's way.
    CHECK(text.str() == "warning: no audio device: the visit goes on without sound\n");
}
