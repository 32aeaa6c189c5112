// libvorbisfile behind OggFile, reading from memory (see ogg_file.h).
#include "audio/ogg_file.h"

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"

#include <vorbis/vorbisfile.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>

namespace usine::audio {

struct OggFile::Decoder {
    OggVorbis_File file{};
    bool open = false;
    const std::vector<std::uint8_t>* bytes = nullptr;
    std::size_t at = 0; // read position in bytes

    ~Decoder() {
        if (open) ov_clear(&file);
    }
};

namespace {

// The largest sound file read: narration of a whole visit fits many times over.
constexpr std::uintmax_t kMostBytes = 256u << 20;

std::size_t readBytes(void* into, std::size_t size, std::size_t count, void* source) {
    auto& decoder = *static_cast<OggFile::Decoder*>(source);
    if (size == 0) return 0;
    const std::size_t left = decoder.bytes->size() - decoder.at;
    const std::size_t items = std::min(count, left / size);
    if (items == 0) return 0; // also an empty file, whose data() may be null
    std::memcpy(into, decoder.bytes->data() + decoder.at, items * size);
    decoder.at += items * size;
    return items;
}

int seekBytes(void* source, ogg_int64_t offset, int whence) {
    auto& decoder = *static_cast<OggFile::Decoder*>(source);
    const auto size = static_cast<ogg_int64_t>(decoder.bytes->size());
    const ogg_int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? ogg_int64_t(decoder.at) : size;
    const ogg_int64_t target = base + offset;
    if (target < 0 || target > size) return -1;
    decoder.at = std::size_t(target);
    return 0;
}

long tellBytes(void* source) { return long(static_cast<OggFile::Decoder*>(source)->at); }

std::vector<std::uint8_t> fileBytes(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) throw UserError(concat(file.string(), ": no such sound file"));
    if (size > kMostBytes) throw UserError(concat(file.string(), ": a sound file over 256 MiB"));
    std::ifstream stream(file, std::ios::binary);
    std::vector<std::uint8_t> bytes(size);
    stream.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size));
    if (!stream) throw UserError(concat(file.string(), ": cannot be read"));
    return bytes;
}

} // namespace

OggFile::OggFile(const std::filesystem::path& file) : file_(file), bytes_(fileBytes(file)) { open(); }

OggFile::OggFile(std::vector<std::uint8_t> bytes, const std::string& name) : file_(name), bytes_(std::move(bytes)) {
    if (bytes_.size() > kMostBytes) throw UserError(concat(name, ": a sound file over 256 MiB"));
    open();
}

OggFile::~OggFile() = default;

void OggFile::open() {
    decoder_ = std::make_unique<Decoder>();
    decoder_->bytes = &bytes_;
    const ov_callbacks callbacks{&readBytes, &seekBytes, nullptr, &tellBytes};
    const int opened = ov_open_callbacks(decoder_.get(), &decoder_->file, nullptr, 0, callbacks);
    if (opened != 0) throw UserError(concat(file_.string(), ": not an Ogg Vorbis sound (libvorbisfile error ", opened, ")"));
    decoder_->open = true;
    const vorbis_info* info = ov_info(&decoder_->file, -1);
    if (!info || info->channels <= 0 || info->rate < 1000 || info->rate > 384000)
        throw UserError(concat(file_.string(), ": an Ogg Vorbis sound without a usable sample rate or channels"));
    rate_ = int(info->rate);
    channels_ = info->channels;
    const ogg_int64_t total = ov_pcm_total(&decoder_->file, -1);
    frames_ = total > 0 ? std::uint64_t(total) : 0;
    if (const vorbis_comment* comment = ov_comment(&decoder_->file, -1)) {
        for (int i = 0; i < comment->comments; ++i) {
            const std::string entry(comment->user_comments[i], std::size_t(std::max(comment->comment_lengths[i], 0)));
            const auto equals = entry.find('=');
            if (equals == std::string::npos) continue;
            std::string name = entry.substr(0, equals);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::toupper(c)); });
            tags_[name] = entry.substr(equals + 1);
        }
    }
}

std::vector<std::int16_t> OggFile::readMono(int frames) {
    std::vector<std::int16_t> mono;
    mono.reserve(std::size_t(std::max(frames, 0)));
    int holes = 0;
    while (int(mono.size()) < frames) {
        float** pcm = nullptr;
        int link = 0;
        const long read = ov_read_float(&decoder_->file, &pcm, frames - int(mono.size()), &link);
        if (read == OV_HOLE && ++holes < 16) continue; // a gap in the data: skip it
        if (read <= 0) break;                          // the end, or data that cannot be decoded
        // Each link of a chained file may have its own channel count.
        const vorbis_info* info = ov_info(&decoder_->file, link);
        const int channels = info ? std::max(info->channels, 1) : 1;
        for (long i = 0; i < read; ++i) {
            float sum = 0;
            for (int channel = 0; channel < channels; ++channel) sum += pcm[channel][i];
            const float value = std::clamp(sum / float(channels), -1.0f, 1.0f);
            mono.push_back(std::int16_t(std::lround(value * 32767.0f)));
        }
    }
    return mono;
}

} // namespace usine::audio
