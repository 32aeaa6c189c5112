// OpenAL sources (see sound_source.h).
#include "audio/sound_source.h"

#include "audio/openal_headers.h"

#include "core/error.h"

namespace usine::audio {

SoundSource::SoundSource(const SoundClip& clip, const glm::vec3& position, bool loop) {
    ALuint source = 0;
    alGenSources(1, &source);
    if (alGetError() != AL_NO_ERROR) throw SystemError("OpenAL has no source left");
    source_ = source;
    alSourcei(source, AL_BUFFER, static_cast<ALint>(clip.buffer()));
    alSourcei(source, AL_LOOPING, loop ? AL_TRUE : AL_FALSE);
    // Metres: full loudness within 1 m, then the inverse distance law of real rooms.
    alSourcef(source, AL_REFERENCE_DISTANCE, 1.0f);
    moveTo(position);
}

SoundSource::~SoundSource() {
    ALuint source = source_;
    alSourceStop(source);
    alDeleteSources(1, &source);
}

void SoundSource::play() { alSourcePlay(source_); }
void SoundSource::stop() { alSourceStop(source_); }

bool SoundSource::playing() const {
    ALint state = 0;
    alGetSourcei(source_, AL_SOURCE_STATE, &state);
    return state == AL_PLAYING;
}

void SoundSource::moveTo(const glm::vec3& position) { alSource3f(source_, AL_POSITION, position.x, position.y, position.z); }

} // namespace usine::audio
