// Where the visit's sound goes: the PC's speakers or a headset's headphones (OpenAL
// Soft, with HRTF so a machine on the left sounds on the left), or, in tests, a loopback
// device whose samples the program reads back. The listener follows the head pose; one
// volume setting scales everything. No audio device (a server, CI) is a warning, and
// the visit goes on silent.
#pragma once

#include "core/view_geometry.h"

#include <memory>
#include <string>
#include <vector>

namespace usine::audio {

class SoundOutput {
public:
    // The default device; null (after one warning saying why) when there is none.
    // `headphones`: a headset's (HRTF on); otherwise OpenAL Soft decides (on for
    // headphones it recognises, off for speakers).
    static std::unique_ptr<SoundOutput> openSpeakers(bool headphones = false);
    // A device that plays into memory (ALC_SOFT_loopback), stereo float at `sampleRate`,
    // with HRTF as on headphones. Throws SystemError when OpenAL lacks loopback.
    static std::unique_ptr<SoundOutput> openLoopback(int sampleRate = 48000);
    ~SoundOutput();
    SoundOutput(const SoundOutput&) = delete;
    SoundOutput& operator=(const SoundOutput&) = delete;

    // The listener's ears: at the head, facing where it looks, up the head's up.
    void setListener(const Pose& head);
    // 0 (silent) to 1 (as mixed).
    void setVolume(float volume);
    bool hrtf() const { return hrtf_; }
    std::string description() const;

    // Loopback only: the next `frames` stereo frames, left and right interleaved.
    std::vector<float> renderLoopback(int frames);

    struct Handles;

private:
    SoundOutput() = default;
    std::unique_ptr<Handles> handles_;
    bool loopback_ = false;
    bool hrtf_ = false;
};

} // namespace usine::audio
