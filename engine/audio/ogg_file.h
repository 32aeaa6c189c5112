// An Ogg Vorbis file read piece by piece (libvorbisfile, the reference decoder from
// Xiph): narration and site sounds. Its tags (Vorbis comments) say, for instance,
// whether a narration is a draft made by tools/draft-narration or a recorded voice.
// stb_vorbis (libstb-dev) was used first: fuzzing crashed Debian 12's copy within
// seconds (a write out of bounds while reading headers), so it is not used for files
// that plants bring.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

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

    // Up to `frames` more frames, mixed down to mono; empty at the end (or where the
    // rest of a damaged file cannot be decoded).
    std::vector<std::int16_t> readMono(int frames);

    struct Decoder; // libvorbisfile's state, reading from bytes_

private:
    void open();

    std::filesystem::path file_;
    std::vector<std::uint8_t> bytes_;
    std::unique_ptr<Decoder> decoder_;
    int rate_ = 0;
    int channels_ = 0;
    std::uint64_t frames_ = 0;
    std::map<std::string, std::string> tags_;
};

} // namespace usine::audio
