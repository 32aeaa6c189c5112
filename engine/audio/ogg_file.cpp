// stb_vorbis behind OggFile (see ogg_file.h).
#include "audio/ogg_file.h"

#include "core/error.h"
#include "core/text.h"

#define STB_VORBIS_HEADER_ONLY
#include <stb/stb_vorbis.h>

#include <algorithm>
#include <cctype>

namespace usine::audio {
namespace {

// stb_vorbis needs about 150 KiB for ordinary files; 8 MiB leaves room for long tags
// (cover art) and refuses what no sound needs.
constexpr std::size_t kArenaBytes = 8u << 20;

std::string whyNot(const std::string& name, int error) {
    if (error == VORBIS_outofmem)
        return concat(name, ": not a usable Ogg Vorbis sound (its headers would need more than 8 MiB: a damaged file?)");
    return concat(name, ": not an Ogg Vorbis sound (stb_vorbis error ", error, ")");
}

} // namespace

OggFile::OggFile(const std::filesystem::path& file) : file_(file), arena_(kArenaBytes) {
    if (!std::filesystem::exists(file)) throw UserError(concat(file.string(), ": no such sound file"));
    int error = 0;
    const stb_vorbis_alloc arena{arena_.data(), int(arena_.size())};
    vorbis_ = stb_vorbis_open_filename(file.c_str(), &error, &arena);
    if (!vorbis_) throw UserError(whyNot(file.string(), error));
    readHeaders();
}

OggFile::OggFile(std::vector<std::uint8_t> bytes, const std::string& name)
    : file_(name), bytes_(std::move(bytes)), arena_(kArenaBytes) {
    int error = 0;
    const stb_vorbis_alloc arena{arena_.data(), int(arena_.size())};
    if (bytes_.size() < std::size_t(INT32_MAX))
        vorbis_ = stb_vorbis_open_memory(bytes_.data(), int(bytes_.size()), &error, &arena);
    if (!vorbis_) throw UserError(whyNot(name, error));
    readHeaders();
}

void OggFile::readHeaders() {
    const stb_vorbis_info info = stb_vorbis_get_info(vorbis_);
    rate_ = int(info.sample_rate);
    channels_ = info.channels;
    frames_ = stb_vorbis_stream_length_in_samples(vorbis_);
    if (rate_ <= 0 || channels_ <= 0) {
        stb_vorbis_close(vorbis_);
        throw UserError(concat(file_.string(), ": an Ogg Vorbis sound without sample rate or channels"));
    }
    const stb_vorbis_comment comment = stb_vorbis_get_comment(vorbis_);
    for (int i = 0; i < comment.comment_list_length; ++i) {
        const std::string entry = comment.comment_list[i];
        const auto equals = entry.find('=');
        if (equals == std::string::npos) continue;
        std::string name = entry.substr(0, equals);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        tags_[name] = entry.substr(equals + 1);
    }
}

OggFile::~OggFile() {
    if (vorbis_) stb_vorbis_close(vorbis_);
}

std::vector<std::int16_t> OggFile::readMono(int frames) {
    std::vector<std::int16_t> mono(std::size_t(std::max(frames, 0)));
    // Mixed down by stb_vorbis itself: OpenAL places only mono sounds in space.
    const int read = stb_vorbis_get_samples_short_interleaved(vorbis_, 1, mono.data(), frames);
    mono.resize(std::size_t(std::max(read, 0)));
    return mono;
}

} // namespace usine::audio
