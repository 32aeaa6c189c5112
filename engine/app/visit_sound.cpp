// The visit's sound (see visit_sound.h).
#include "app/visit_sound.h"

#include "audio/ogg_file.h"
#include "audio/sound_source.h"
#include "audio/wav_file.h"
#include "core/log.h"
#include "core/text.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace usine::app {
namespace {
constexpr int kRecordingRate = 48000;
}

VisitSound::VisitSound(bool recording, bool headset, float volume, std::filesystem::path narrationFolder)
    : recording_(recording), narrationFolder_(std::move(narrationFolder)) {
    output_ = recording ? audio::SoundOutput::openLoopback(kRecordingRate) : audio::SoundOutput::openSpeakers(headset);
    if (!output_) return; // openSpeakers said why, once
    log::info(concat("sound: ", output_->description()));
    for (const audio::Cue cue : {audio::Cue::Select, audio::Cue::Success, audio::Cue::Error})
        cues_[cue] = std::make_unique<audio::SoundClip>(audio::synthesizeCue(cue, kRecordingRate), kRecordingRate);
    setVolume(volume);
}

VisitSound::~VisitSound() {
    // Sources and buffers go before the device they belong to.
    playingCues_.clear();
    narration_.reset();
    cues_.clear();
}

void VisitSound::setVolume(float volume) {
    volume_ = std::clamp(volume, 0.0f, 1.0f);
    if (output_) output_->setVolume(volume_);
}

void VisitSound::setListener(const Pose& head) {
    head_ = head;
    if (output_) output_->setListener(head);
}

void VisitSound::cue(audio::Cue cue) {
    if (!output_) return;
    // Played where the listener is (centred): a cue answers the visitor's own gesture.
    auto source = std::make_unique<audio::SoundSource>(*cues_.at(cue), head_.position, false);
    source->play();
    playingCues_.push_back(std::move(source));
}

void VisitSound::narrate(const std::string& key, ui::Language language) {
    const std::filesystem::path file = narrationFolder_ / ui::languageCode(language) / (key + ".ogg");
    narration_.reset();
    if (output_) {
        narration_ = std::make_unique<audio::NarrationStream>(file);
        if (narration_->tags().count("USINE_NARRATION") && narration_->tags().at("USINE_NARRATION") == "draft")
            log::info(concat("narration ", key, " (", ui::languageCode(language), "): a draft voice (", file.string(),
                             "), to be replaced by a recording"));
    } else {
        silentNarrationLeft_ = audio::OggFile(file).seconds();
    }
    narrating_ = key;
}

void VisitSound::update(double deltaSeconds) {
    if (narration_) {
        narration_->update();
        if (recording_) {
            // A headless tour is not real time: wait for the decoder rather than mix a gap.
            while (narration_->starved()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                narration_->update();
            }
        }
        if (narration_->finished()) {
            narration_.reset();
            narrating_.reset();
        }
    } else if (narrating_) {
        silentNarrationLeft_ -= deltaSeconds;
        if (silentNarrationLeft_ <= 0) narrating_.reset();
    }
    std::erase_if(playingCues_, [](const auto& source) { return !source->playing(); });
    if (recording_ && output_) {
        recordDebt_ += deltaSeconds * kRecordingRate;
        const int frames = int(recordDebt_);
        recordDebt_ -= frames;
        if (frames > 0) {
            const std::vector<float> mixed = output_->renderLoopback(frames);
            recorded_.insert(recorded_.end(), mixed.begin(), mixed.end());
            if (narration_) narration_->update(); // hand over what the mix consumed
        }
    }
}

void VisitSound::writeRecording(const std::filesystem::path& file) const {
    if (!recording_ || !output_) return;
    audio::writeWav(file, recorded_, 2, kRecordingRate);
    log::info(concat("sound of the tour: ", file.string(), " (", double(recorded_.size() / 2) / kRecordingRate, " s)"));
}

} // namespace usine::app
