// The RIFF/WAVE layout, little-endian (see wav_file.h).
#include "audio/wav_file.h"

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace usine::audio {
namespace {

void put32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(char((value >> (8 * i)) & 0xff));
}
void put16(std::string& out, std::uint16_t value) {
    out.push_back(char(value & 0xff));
    out.push_back(char(value >> 8));
}
std::uint32_t get32(const std::string& in, std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | std::uint8_t(in[at + std::size_t(i)]);
    return value;
}
std::uint16_t get16(const std::string& in, std::size_t at) {
    return std::uint16_t(std::uint8_t(in[at]) | (std::uint8_t(in[at + 1]) << 8));
}

} // namespace

void writeWav(const std::filesystem::path& file, const std::vector<float>& samples, int channels, int sampleRate) {
    const std::uint32_t dataBytes = std::uint32_t(samples.size() * 2);
    std::string out;
    out += "RIFF";
    put32(out, 36 + dataBytes);
    out += "WAVEfmt ";
    put32(out, 16);
    put16(out, 1); // PCM
    put16(out, std::uint16_t(channels));
    put32(out, std::uint32_t(sampleRate));
    put32(out, std::uint32_t(sampleRate * channels * 2));
    put16(out, std::uint16_t(channels * 2));
    put16(out, 16);
    out += "data";
    put32(out, dataBytes);
    for (float sample : samples)
        put16(out, std::uint16_t(std::int16_t(std::lround(std::clamp(sample, -1.0f, 1.0f) * 32767.0f))));
    std::ofstream stream(file, std::ios::binary);
    stream.write(out.data(), std::streamsize(out.size()));
    if (!stream) throw SystemError(concat("cannot write ", file.string()));
}

WavSound readWav(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    const std::string in((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (in.size() < 44 || in.compare(0, 4, "RIFF") != 0 || in.compare(8, 8, "WAVEfmt ") != 0 || get16(in, 20) != 1 ||
        get16(in, 34) != 16 || in.compare(36, 4, "data") != 0)
        throw UserError(concat(file.string(), ": not a 16-bit PCM WAV file"));
    WavSound sound;
    sound.channels = get16(in, 22);
    sound.sampleRate = int(get32(in, 24));
    const std::size_t bytes = std::min<std::size_t>(get32(in, 40), in.size() - 44);
    for (std::size_t at = 44; at + 1 < 44 + bytes; at += 2)
        sound.samples.push_back(float(std::int16_t(get16(in, at))) / 32767.0f);
    return sound;
}

} // namespace usine::audio
