// A sound held in memory: mono 16-bit samples at a rate, uploaded once into an OpenAL
// buffer (mono, so OpenAL places it in space). Machine loops and short cues are clips;
// narration will stream instead.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace usine::audio {

class SoundClip {
public:
    // Needs a current SoundOutput. Throws UserError for an empty clip.
    SoundClip(const std::vector<std::int16_t>& samples, int sampleRate);
    ~SoundClip();
    SoundClip(const SoundClip&) = delete;
    SoundClip& operator=(const SoundClip&) = delete;

    unsigned buffer() const { return buffer_; }
    double seconds() const { return seconds_; }

private:
    unsigned buffer_ = 0;
    double seconds_ = 0;
};

} // namespace usine::audio
