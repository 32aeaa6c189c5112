// The short cues of the interface, made from sine tones when the visit starts (nothing
// to record, nothing to license): a light "tick-tock" for a choice, a rising chord for
// success, a low buzz for a mistake. Mono 16-bit samples, for a SoundClip.
#pragma once

#include <cstdint>
#include <vector>

namespace usine::audio {

enum class Cue { Select, Success, Error };

std::vector<std::int16_t> synthesizeCue(Cue cue, int sampleRate);

} // namespace usine::audio
