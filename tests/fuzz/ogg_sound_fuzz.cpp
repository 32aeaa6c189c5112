// Fuzz target: an Ogg Vorbis sound (engine/audio/ogg_file.h), as a plant's narration or
// machine sound will arrive in a site package. Any bytes must decode to the end or give
// a UserError naming the file; never a crash, a hang or a huge allocation.
#include "audio/ogg_file.h"
#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        usine::audio::OggFile ogg(std::vector<std::uint8_t>(data, data + size), "sound.ogg");
        // Decoded to the end, a fifth of a second at a time, as narration is; a stream
        // that claims more than it holds must still end.
        std::size_t frames = 0;
        for (int piece = 0; piece < 100000; ++piece) {
            const auto samples = ogg.readMono(9600);
            if (samples.empty()) break;
            frames += samples.size();
        }
        (void)frames;
    } catch (const usine::UserError& error) {
        if (std::string(error.what()).rfind("sound.ogg", 0) != 0) std::abort();
    }
    return 0;
}
