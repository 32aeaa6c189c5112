// The latest pair of eye pictures a session submitted, and their PNG files in the
// output folder: eye0.png / eye1.png when the session ends, captureN-eye0.png /
// captureN-eye1.png for the frames the script asks to capture (and quad0.png /
// captureN-quad0.png for the first quad layer, when one was shown).
#pragma once

#include "eye_readback.h"

#include <filesystem>
#include <string>

namespace usine::test_runtime {

struct EyePictures {
    std::array<EyePicture, 2> latest;
    EyePicture quad; // the first quad layer's picture of the same frame (empty: none)
    bool unsaved = false; // pictures arrived since eye0/eye1.png were last written

    // Writes `prefix`eye0.png and `prefix`eye1.png; problems go to stderr.
    void write(const std::filesystem::path& directory, const std::string& prefix) const;
};

} // namespace usine::test_runtime
