// An Ogg Vorbis file read piece by piece (stb_vorbis, Debian's libstb): narration and
// site sounds. Its tags (Vorbis comments) say, for instance, whether a narration is a
// draft made by tools/draft-narration or a recorded voice.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

struct stb_vorbis;

namespace usine::audio {

class OggFile {
public:
    // Throws UserError naming the file when it is missing or not Ogg Vorbis.
    explicit OggFile(const std::filesystem::path& file);
    // The same from bytes already read (`name` stands for the file in messages).
    OggFile(std::vector<std::uint8_t> bytes, const std::string& name);
    ~OggFile();
    OggFile(const OggFile&) = delete;
    OggFile& operator=(const OggFile&) = delete;

    const std::filesystem::path& file() const { return file_; }
    int sampleRate() const { return rate_; }
    int channels() const { return channels_; }
    double seconds() const { return double(frames_) / rate_; }
    // Tags, names in upper case ("USINE_NARRATION" -> "draft").
    const std::map<std::string, std::string>& tags() const { return tags_; }

    // Up to `frames` more frames, mixed down to mono; empty at the end.
    std::vector<std::int16_t> readMono(int frames);

private:
    void readHeaders();

    std::filesystem::path file_;
    std::vector<std::uint8_t> bytes_; // what stb_vorbis reads, when opened from memory
    // All of stb_vorbis's memory for this file, setup and decoding alike: a damaged or
    // hostile header cannot make it allocate gigabytes (or overflow the stack).
    std::vector<char> arena_;
    stb_vorbis* vorbis_ = nullptr;
    int rate_ = 0;
    int channels_ = 0;
    std::uint64_t frames_ = 0;
    std::map<std::string, std::string> tags_;
};

} // namespace usine::audio
