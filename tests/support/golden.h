// Picture comparison for rendering tests, and golden images.
//
// Tolerance, as written in tests/golden/README.md: a pixel *differs* when any of its
// channels differs by more than `maxChannelDifference` (of 255); a picture matches its
// golden when the share of differing pixels is at most `maxDifferingShare`.
#pragma once

#include "core/image.h"

#include <string>

namespace usine::testing {

struct GoldenTolerance {
    int maxChannelDifference = 8;
    double maxDifferingShare = 0.005; // 0.5 % of the pixels
};

struct ImageDifference {
    bool sameSize = false;
    int largestChannelDifference = 0;
    double differingShare = 1.0;

    bool within(const GoldenTolerance& tolerance) const {
        return sameSize && differingShare <= tolerance.maxDifferingShare;
    }
};

ImageDifference compareImages(const Rgba8Image& actual, const Rgba8Image& expected,
                              const GoldenTolerance& tolerance = {});

// Per-pixel largest channel difference, amplified so small differences show.
Rgba8Image differenceImage(const Rgba8Image& actual, const Rgba8Image& expected);

struct GoldenResult {
    bool matches = false;
    std::string report; // what was compared, the figures, where the pictures are
};

// Compares with tests/golden/<name>.png. Always writes <name>-actual.png (and, when
// sizes agree, <name>-diff.png) into the test output folder. USINE_UPDATE_GOLDENS=1
// writes the actual picture as the new golden instead (see tools/approve-goldens).
GoldenResult compareWithGolden(const std::string& name, const Rgba8Image& actual, const GoldenTolerance& tolerance = {});

} // namespace usine::testing
