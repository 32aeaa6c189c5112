// OpenAL Soft devices and contexts (see sound_output.h).
#include "audio/sound_output.h"

#include "audio/openal_headers.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

#include "core/error.h"
#include "core/log.h"
#include "core/text.h"

#include <algorithm>

namespace usine::audio {

struct SoundOutput::Handles {
    ALCdevice* device = nullptr;
    ALCcontext* context = nullptr;
    ~Handles() {
        if (context) {
            if (alcGetCurrentContext() == context) alcMakeContextCurrent(nullptr);
            alcDestroyContext(context);
        }
        if (device) alcCloseDevice(device);
    }
};

namespace {

bool hrtfOn(ALCdevice* device) {
    ALCint status = 0;
    alcGetIntegerv(device, ALC_HRTF_SOFT, 1, &status);
    return status == ALC_TRUE;
}

} // namespace

namespace {

// Opens the default device with the libraries' own complaints hidden: on a machine
// without sound, ALSA and OpenAL Soft each print several lines to stderr, where a teacher
// should read one warning of ours. stderr is pointed at /dev/null for the call only (at
// start-up; main() has set ALSOFT_LOGLEVEL before any thread started). A line another
// thread writes meanwhile would be lost: the call takes a fraction of a second.
ALCdevice* openDefaultDeviceQuietly() {
    std::fflush(stderr);
    const int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
    const int nothing = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && nothing >= 0) dup2(nothing, STDERR_FILENO);
    ALCdevice* device = alcOpenDevice(nullptr);
    std::fflush(stderr);
    if (saved >= 0 && nothing >= 0) dup2(saved, STDERR_FILENO);
    if (nothing >= 0) close(nothing);
    if (saved >= 0) close(saved);
    return device;
}

} // namespace

std::unique_ptr<SoundOutput> SoundOutput::openSpeakers(bool headphones) {
    std::unique_ptr<SoundOutput> output(new SoundOutput);
    output->handles_ = std::make_unique<Handles>();
    output->handles_->device = openDefaultDeviceQuietly();
    if (!output->handles_->device) {
        log::warning("no audio device: the visit goes on without sound");
        return nullptr;
    }
    // HRTF: always with a headset (its sound is at the ears); elsewhere OpenAL Soft knows
    // better whether the device is headphones or speakers.
    const ALCint attributes[] = {ALC_HRTF_SOFT, headphones ? ALC_TRUE : ALC_DONT_CARE_SOFT, 0};
    output->handles_->context = alcCreateContext(output->handles_->device, attributes);
    if (!output->handles_->context || !alcMakeContextCurrent(output->handles_->context)) {
        log::warning("the audio device would not start: the visit goes on without sound");
        return nullptr;
    }
    output->hrtf_ = hrtfOn(output->handles_->device);
    return output;
}

std::unique_ptr<SoundOutput> SoundOutput::openLoopback(int sampleRate) {
    if (!alcIsExtensionPresent(nullptr, "ALC_SOFT_loopback"))
        throw SystemError("OpenAL has no loopback device (ALC_SOFT_loopback)");
    std::unique_ptr<SoundOutput> output(new SoundOutput);
    output->handles_ = std::make_unique<Handles>();
    output->loopback_ = true;
    output->handles_->device = alcLoopbackOpenDeviceSOFT(nullptr);
    if (!output->handles_->device) throw SystemError("OpenAL could not open a loopback device");
    const ALCint attributes[] = {ALC_FORMAT_CHANNELS_SOFT, ALC_STEREO_SOFT, ALC_FORMAT_TYPE_SOFT, ALC_FLOAT_SOFT,
                                 ALC_FREQUENCY, sampleRate, ALC_HRTF_SOFT, ALC_TRUE, 0};
    output->handles_->context = alcCreateContext(output->handles_->device, attributes);
    if (!output->handles_->context || !alcMakeContextCurrent(output->handles_->context))
        throw SystemError("OpenAL could not start the loopback device");
    output->hrtf_ = hrtfOn(output->handles_->device);
    return output;
}

SoundOutput::~SoundOutput() = default;

void SoundOutput::setListener(const Pose& head) {
    const glm::vec3 forward = head.orientation * glm::vec3(0, 0, -1);
    const glm::vec3 up = head.orientation * glm::vec3(0, 1, 0);
    const ALfloat orientation[] = {forward.x, forward.y, forward.z, up.x, up.y, up.z};
    alListener3f(AL_POSITION, head.position.x, head.position.y, head.position.z);
    alListenerfv(AL_ORIENTATION, orientation);
}

void SoundOutput::setVolume(float volume) { alListenerf(AL_GAIN, std::clamp(volume, 0.0f, 1.0f)); }

std::string SoundOutput::description() const {
    const ALCchar* name = alcGetString(handles_->device, ALC_DEVICE_SPECIFIER);
    return concat(loopback_ ? "loopback" : (name ? name : "audio device"), hrtf_ ? ", HRTF" : ", no HRTF");
}

std::vector<float> SoundOutput::renderLoopback(int frames) {
    if (!loopback_) throw SystemError("renderLoopback: not a loopback device");
    std::vector<float> samples(static_cast<std::size_t>(frames) * 2);
    alcRenderSamplesSOFT(handles_->device, samples.data(), frames);
    return samples;
}

} // namespace usine::audio
