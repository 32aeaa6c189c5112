// Tones with soft edges (see cue_sounds.h).
#include "audio/cue_sounds.h"

#include <algorithm>
#include <cmath>

namespace usine::audio {
namespace {

struct Tone {
    double hertz;
    double seconds;
    double loudness; // 0..1
    bool square = false;
};

void append(std::vector<std::int16_t>& samples, const Tone& tone, int rate) {
    const int count = int(tone.seconds * rate);
    const int edge = std::max(1, rate / 200); // 5 ms fades: no click at either end
    for (int i = 0; i < count; ++i) {
        const double phase = 2.0 * M_PI * tone.hertz * double(i) / rate;
        double value = std::sin(phase);
        if (tone.square) value = (value + std::sin(3 * phase) / 3 + std::sin(5 * phase) / 5) * 0.8;
        const double fade = std::min({1.0, double(i) / edge, double(count - 1 - i) / edge});
        samples.push_back(std::int16_t(std::lround(value * fade * tone.loudness * 20000)));
    }
}

} // namespace

std::vector<std::int16_t> synthesizeCue(Cue cue, int rate) {
    std::vector<std::int16_t> samples;
    switch (cue) {
    case Cue::Select:
        append(samples, {880, 0.05, 0.5}, rate);
        append(samples, {1320, 0.07, 0.5}, rate);
        break;
    case Cue::Success:
        for (double hertz : {523.25, 659.25, 783.99}) append(samples, {hertz, 0.12, 0.6}, rate);
        append(samples, {1046.5, 0.25, 0.6}, rate);
        break;
    case Cue::Error: append(samples, {196, 0.3, 0.6, true}, rate); break;
    }
    return samples;
}

} // namespace usine::audio
