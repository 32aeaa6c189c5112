// What a visit sounds like: the listener on the visitor's head every frame, the cues of
// the interface, and narration in the visit's language with its subtitles. On a headset
// or a window it plays on the PC's speakers or headphones (no device: one warning, a
// silent visit, subtitles all the same); a headless tour mixes into memory, in step with
// its frames, and writes what it heard beside its pictures (sound.wav).
#pragma once

#include "audio/cue_sounds.h"
#include "audio/narration_stream.h"
#include "audio/sound_clip.h"
#include "audio/sound_output.h"
#include "audio/sound_source.h"
#include "core/view_geometry.h"
#include "ui/translations.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace usine::app {

class VisitSound {
public:
    // `recording`: a headless tour (mix into memory, deterministic, written by
    // writeRecording); otherwise the speakers.
    // `headset`: the sound is for headphones at the ears (HRTF on).
    VisitSound(bool recording, bool headset, float volume, std::filesystem::path narrationFolder);
    ~VisitSound();

    void setVolume(float volume);
    float volume() const { return volume_; }
    void setListener(const Pose& head);
    void cue(audio::Cue cue);
    // Starts the narration `key` in `language` (assets/narration/LANGUAGE/KEY.ogg), the
    // one playing before stops. A missing file is an error naming it.
    void narrate(const std::string& key, ui::Language language);
    // The narration heard now, for its subtitle.
    const std::optional<std::string>& narrating() const { return narrating_; }
    // Once a frame, `deltaSeconds` after the previous one.
    void update(double deltaSeconds);
    // Headless: the sound heard so far, as a WAV file.
    void writeRecording(const std::filesystem::path& file) const;

private:
    std::unique_ptr<audio::SoundOutput> output_;
    bool recording_ = false;
    float volume_ = 1.0f;
    std::filesystem::path narrationFolder_;
    std::map<audio::Cue, std::unique_ptr<audio::SoundClip>> cues_;
    std::vector<std::unique_ptr<audio::SoundSource>> playingCues_;
    std::unique_ptr<audio::NarrationStream> narration_;
    std::optional<std::string> narrating_;
    double silentNarrationLeft_ = 0; // without a device: the subtitle lasts the file's length
    std::vector<float> recorded_;    // headless: interleaved stereo
    double recordDebt_ = 0;
    Pose head_;                      // the listener's last pose          // fractions of a sample frame carried between frames
};

} // namespace usine::app
