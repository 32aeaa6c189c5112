// OpenAL buffers (see sound_clip.h).
#include "audio/sound_clip.h"

#include "audio/openal_headers.h"

#include "core/error.h"

namespace usine::audio {

SoundClip::SoundClip(const std::vector<std::int16_t>& samples, int sampleRate) {
    if (samples.empty() || sampleRate <= 0) throw UserError("a sound clip needs samples and a sample rate");
    ALuint buffer = 0;
    alGenBuffers(1, &buffer);
    alBufferData(buffer, AL_FORMAT_MONO16, samples.data(), static_cast<ALsizei>(samples.size() * sizeof(std::int16_t)),
                 sampleRate);
    if (alGetError() != AL_NO_ERROR) {
        alDeleteBuffers(1, &buffer);
        throw SystemError("OpenAL refused a sound clip");
    }
    buffer_ = buffer;
    seconds_ = double(samples.size()) / sampleRate;
}

SoundClip::~SoundClip() {
    ALuint buffer = buffer_;
    if (buffer) alDeleteBuffers(1, &buffer);
}

} // namespace usine::audio
