// Legibility on a headset, measured where the eye sees it: a visit on the test runtime
// at a Meta Quest 3's picture size (2064 x 2208 per eye) and field of view, the
// runtime's layer limit at 1 so the subtitle panel is drawn in the scene, then read
// back by the runtime. Its body text is set in distance-independent millimetres (28 dmm
// em: the same size in the eye at 1 m as at the subtitle's 1.4 m), and its lowercase
// letters must be at least 10 pixels tall, at 7:1 against the panel.
#include "core/image_io.h"
#include "support/headset_visit.h"
#include "support/test_paths.h"
#include "ui/contrast.h"
#include "ui/panel_layout.h"

#include <catch2/catch.hpp>
#include <algorithm>

using namespace usine;
using testing::XrRun;

namespace {

double luminance(const std::uint8_t* p) { return ui::relativeLuminance({p[0], p[1], p[2]}); }

bool isBoard(const std::uint8_t* p) {
    const ui::PanelLook look;
    return std::abs(p[0] - look.background.r) <= 3 && std::abs(p[1] - look.background.g) <= 3 &&
           std::abs(p[2] - look.background.b) <= 3;
}

} // namespace

TEST_CASE("on a Quest 3-sized eye, subtitle letters are at least 10 pixels tall, at 7:1", "[headset][legibility]") {
    // Meta Quest 3: 2064 x 2208 per eye; Meta gives 110 degrees across and 96 up and
    // down. We state each eye as 55 degrees outwards, 41 inwards, 48 up, 48 down.
    const XrRun run("legibility-quest3", R"(resolution 2064 2208
fov left -0.9599 0.7156 0.8378 -0.8378
fov right -0.7156 0.9599 0.8378 -0.8378
max-layers 1
frame 0 hand left untracked
frame 0 hand right untracked
frame 0 head 0 1.5 0
capture 4
end-after-frames 6
)");
    const auto result = testing::visitOnTestRuntime(
        run, {testing::factoryCellModel(), "--mode", "xr", "--start", "0,0,0", "--samples", "1"});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    REQUIRE_THAT(result.out, Catch::Contains("panels: 0 as quad layers, 1 drawn in the scene"));
    const Rgba8Image eye = readImageFile(run.folder / "capture4-eye0.png");
    REQUIRE(eye.width == 2064);
    // The subtitle's board, and the white ink on it, row by row.
    int top = eye.height, bottom = -1, left = eye.width, right = -1;
    for (int y = 0; y < eye.height; ++y)
        for (int x = 0; x < eye.width; ++x)
            if (isBoard(eye.at(x, y))) {
                top = std::min(top, y), bottom = std::max(bottom, y);
                left = std::min(left, x), right = std::max(right, x);
            }
    REQUIRE(bottom > top);
    std::vector<int> inkPerRow;
    ui::Srgb8 lightest{0, 0, 0};
    for (int y = top; y <= bottom; ++y) {
        int ink = 0;
        for (int x = left; x <= right; ++x) {
            const std::uint8_t* p = eye.at(x, y);
            if (luminance(p) > 0.5) ++ink;
            if (luminance(p) > luminance(&lightest.r)) lightest = {p[0], p[1], p[2]};
        }
        inkPerRow.push_back(ink);
    }
    // The first line of text: from the first row with ink to the first empty row after it.
    const auto first = std::find_if(inkPerRow.begin(), inkPerRow.end(), [](int ink) { return ink > 0; });
    REQUIRE(first != inkPerRow.end());
    const auto end = std::find(first, inkPerRow.end(), 0);
    const int busiest = *std::max_element(first, end);
    // Its lowercase band (the x-height): the rows every letter inks, where ink is at least
    // half the busiest row's; ascenders and descenders ink only a few letters' rows.
    const long xHeight = std::count_if(first, end, [&](int ink) { return ink * 2 >= busiest; });
    const ui::PanelLook look;
    const double contrast = ui::contrastRatio(lightest, look.background);
    INFO("subtitle board rows " << top << "-" << bottom << "; first line " << (end - first) << " rows, lowercase "
                                << xHeight << " pixels tall; contrast " << contrast << ":1");
    CHECK(xHeight >= 10);
    CHECK(contrast >= ui::kMinimumTextContrast);
}
