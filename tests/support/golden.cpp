// Picture comparison and golden files.
#include "support/golden.h"

#include "core/image_io.h"
#include "core/text.h"
#include "support/test_paths.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace usine::testing {

namespace fs = std::filesystem;

namespace {
int pixelDifference(const std::uint8_t* a, const std::uint8_t* b) {
    int largest = 0;
    for (int c = 0; c < 4; ++c) largest = std::max(largest, std::abs(int(a[c]) - int(b[c])));
    return largest;
}
} // namespace

ImageDifference compareImages(const Rgba8Image& actual, const Rgba8Image& expected, const GoldenTolerance& tolerance) {
    ImageDifference difference;
    if (actual.width != expected.width || actual.height != expected.height || actual.empty()) return difference;
    difference.sameSize = true;
    std::size_t differing = 0;
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            const int d = pixelDifference(actual.at(x, y), expected.at(x, y));
            difference.largestChannelDifference = std::max(difference.largestChannelDifference, d);
            if (d > tolerance.maxChannelDifference) ++differing;
        }
    }
    difference.differingShare = double(differing) / (double(actual.width) * actual.height);
    return difference;
}

Rgba8Image differenceImage(const Rgba8Image& actual, const Rgba8Image& expected) {
    Rgba8Image out(actual.width, actual.height);
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            const int d = std::min(255, pixelDifference(actual.at(x, y), expected.at(x, y)) * 8);
            std::uint8_t* p = out.at(x, y);
            p[0] = static_cast<std::uint8_t>(d);
            p[1] = p[2] = static_cast<std::uint8_t>(d / 4);
            p[3] = 255;
        }
    }
    return out;
}

GoldenResult compareWithGolden(const std::string& name, const Rgba8Image& actual, const GoldenTolerance& tolerance) {
    const fs::path golden = goldenDirectory() / (name + ".png");
    const fs::path actualPath = testOutputDirectory() / (name + "-actual.png");
    writePng(actualPath, actual);

    const char* update = std::getenv("USINE_UPDATE_GOLDENS");
    if (update && std::strcmp(update, "1") == 0) {
        writePng(golden, actual);
        return {true, concat("golden ", golden.string(), " rewritten from this run")};
    }
    if (!fs::exists(golden))
        return {false, concat("no golden ", golden.string(), "; actual picture in ", actualPath.string(),
                              " (approve with tools/approve-goldens)")};
    const Rgba8Image expected = readImageFile(golden);
    const ImageDifference difference = compareImages(actual, expected, tolerance);
    GoldenResult result;
    result.matches = difference.within(tolerance);
    if (!difference.sameSize) {
        result.report = concat(name, ": size ", actual.width, "x", actual.height, " differs from the golden's ",
                               expected.width, "x", expected.height);
        return result;
    }
    const fs::path diffPath = testOutputDirectory() / (name + "-diff.png");
    writePng(diffPath, differenceImage(actual, expected));
    result.report = concat(name, ": ", fixed(difference.differingShare * 100, 3), " % of pixels differ by more than ",
                           tolerance.maxChannelDifference, " (allowed ", fixed(tolerance.maxDifferingShare * 100, 3),
                           " %), largest channel difference ", difference.largestChannelDifference, "; actual ",
                           actualPath.string(), ", diff ", diffPath.string());
    return result;
}

} // namespace usine::testing
