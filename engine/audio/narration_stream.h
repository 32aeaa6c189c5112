// A narration played as it is decoded: a worker thread decodes the Ogg Vorbis file a
// fifth of a second at a time, a little ahead; the frame thread's update() only hands
// the decoded pieces to OpenAL, so a frame never waits on the decoder or the disk.
// Narration is not placed in space: it is a voice in the visitor's ears.
#pragma once

#include "audio/ogg_file.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <mutex>
#include <thread>
#include <vector>

namespace usine::audio {

class NarrationStream {
public:
    // Needs a current SoundOutput. Throws UserError naming the file when it cannot be read.
    explicit NarrationStream(const std::filesystem::path& file);
    ~NarrationStream();
    NarrationStream(const NarrationStream&) = delete;
    NarrationStream& operator=(const NarrationStream&) = delete;

    double seconds() const { return seconds_; }
    const std::map<std::string, std::string>& tags() const { return tags_; }

    // Once a frame: queues what the worker decoded, restarts the voice after a gap.
    void update();
    // Everything was decoded and played.
    bool finished() const { return finished_; }
    // Seconds of the narration OpenAL has played so far.
    double playedSeconds() const { return double(playedFrames_) / rate_; }
    // Nothing is queued to play while the decoder is still behind (a loaded machine).
    bool starved() const { return starved_; }
    void stop();

private:
    void decode(); // the worker

    std::filesystem::path file_;
    double seconds_ = 0;
    int rate_ = 0;
    std::map<std::string, std::string> tags_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<std::int16_t>> decoded_; // pieces ready to queue
    bool decodeDone_ = false;
    std::string decodeError_;
    bool stopping_ = false;
    std::unique_ptr<OggFile> ogg_;
    std::thread worker_;

    unsigned source_ = 0;
    std::vector<unsigned> freeBuffers_;
    std::vector<unsigned> allBuffers_;
    std::deque<std::size_t> queuedFrames_; // frames in each queued buffer, oldest first
    std::uint64_t playedFrames_ = 0;
    bool finished_ = false;
    bool starved_ = false;
};

} // namespace usine::audio
