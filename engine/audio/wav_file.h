// Sound written to a WAV file (16-bit PCM): what a headless tour heard, beside its
// pictures, to listen to or to measure.
#pragma once

#include <filesystem>
#include <vector>

namespace usine::audio {

// `samples` interleaved, -1..1 (clipped). Throws SystemError when the file cannot be written.
void writeWav(const std::filesystem::path& file, const std::vector<float>& samples, int channels, int sampleRate);

struct WavSound {
    int channels = 0;
    int sampleRate = 0;
    std::vector<float> samples; // interleaved, -1..1
};
// Reads what writeWav writes (16-bit PCM); throws UserError naming the file otherwise.
WavSound readWav(const std::filesystem::path& file);

} // namespace usine::audio
