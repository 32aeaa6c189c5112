// Decoding on a worker, queueing on the frame thread (see narration_stream.h).
#include "audio/narration_stream.h"

#include "audio/openal_headers.h"

#include "core/error.h"
#include "core/log.h"
#include "core/text.h"

namespace usine::audio {
namespace {

constexpr double kPieceSeconds = 0.2;
constexpr std::size_t kPiecesAhead = 10; // 2 s decoded ahead: a hiccup of the disk is not heard
constexpr int kBuffers = 6;              // 1.2 s queued in OpenAL

} // namespace

NarrationStream::NarrationStream(const std::filesystem::path& file) : file_(file) {
    ogg_ = std::make_unique<OggFile>(file); // errors here, on the caller's thread, name the file
    seconds_ = ogg_->seconds();
    rate_ = ogg_->sampleRate();
    tags_ = ogg_->tags();
    alGetError(); // an error left by an earlier call is not ours
    ALuint source = 0;
    alGenSources(1, &source);
    source_ = source;
    // In the visitor's ears, not in the room: relative to the listener, at its centre.
    alSourcei(source_, AL_SOURCE_RELATIVE, AL_TRUE);
    alSource3f(source_, AL_POSITION, 0, 0, 0);
    alSourcei(source_, AL_ROLLOFF_FACTOR, 0);
    allBuffers_.resize(kBuffers);
    alGenBuffers(kBuffers, allBuffers_.data());
    if (alGetError() != AL_NO_ERROR) {
        alDeleteSources(1, &source);
        alDeleteBuffers(kBuffers, allBuffers_.data());
        throw SystemError("OpenAL refused the narration's source or buffers");
    }
    freeBuffers_ = allBuffers_;
    worker_ = std::thread([this] { decode(); });
}

NarrationStream::~NarrationStream() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
    ALuint source = source_;
    alSourceStop(source);
    alSourcei(source, AL_BUFFER, 0);
    alDeleteSources(1, &source);
    alDeleteBuffers(ALsizei(allBuffers_.size()), allBuffers_.data());
}

void NarrationStream::decode() {
    const int pieceFrames = std::max(1, int(rate_ * kPieceSeconds));
    while (true) {
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || decoded_.size() < kPiecesAhead; });
            if (stopping_) return;
        }
        std::vector<std::int16_t> piece = ogg_->readMono(pieceFrames); // no lock held while decoding
        std::lock_guard lock(mutex_);
        if (piece.empty()) {
            decodeDone_ = true;
            return;
        }
        decoded_.push_back(std::move(piece));
    }
}

void NarrationStream::update() {
    if (finished_) return;
    // The state first: a source found stopped has played everything it had queued, so
    // all of it is unqueued below and nothing already heard is played again.
    ALint state = AL_STOPPED;
    alGetSourcei(source_, AL_SOURCE_STATE, &state);
    ALint processed = 0;
    alGetSourcei(source_, AL_BUFFERS_PROCESSED, &processed);
    for (ALint i = 0; i < processed; ++i) {
        ALuint buffer = 0;
        alSourceUnqueueBuffers(source_, 1, &buffer);
        freeBuffers_.push_back(buffer);
        playedFrames_ += queuedFrames_.front();
        queuedFrames_.pop_front();
    }
    bool done = false;
    {
        std::lock_guard lock(mutex_);
        while (!freeBuffers_.empty() && !decoded_.empty()) {
            const std::vector<std::int16_t>& piece = decoded_.front();
            const ALuint buffer = freeBuffers_.back();
            alBufferData(buffer, AL_FORMAT_MONO16, piece.data(), ALsizei(piece.size() * sizeof(std::int16_t)), rate_);
            alSourceQueueBuffers(source_, 1, &buffer);
            freeBuffers_.pop_back();
            queuedFrames_.push_back(piece.size());
            decoded_.pop_front();
        }
        done = decodeDone_ && decoded_.empty();
    }
    changed_.notify_all();
    starved_ = queuedFrames_.empty() && !done;
    if (state != AL_PLAYING && !queuedFrames_.empty()) alSourcePlay(source_); // the start, or after a gap
    finished_ = done && queuedFrames_.empty();
}

void NarrationStream::stop() {
    alSourceStop(source_);
    finished_ = true;
}

} // namespace usine::audio
