// A sound placed in the world: a machine's loop at the machine, a cue at a panel. It is
// heard from where the listener's head is, louder near, on the side it is on.
#pragma once

#include "audio/sound_clip.h"

#include <glm/glm.hpp>

namespace usine::audio {

class SoundSource {
public:
    // Needs a current SoundOutput; the clip must outlive the source.
    SoundSource(const SoundClip& clip, const glm::vec3& position, bool loop);
    ~SoundSource();
    SoundSource(const SoundSource&) = delete;
    SoundSource& operator=(const SoundSource&) = delete;

    void play();
    void stop();
    bool playing() const;
    void moveTo(const glm::vec3& position);

private:
    unsigned source_ = 0;
};

} // namespace usine::audio
