// WCAG contrast, checked on the published reference values.
#include "ui/contrast.h"

#include <catch2/catch.hpp>

using namespace usine::ui;

TEST_CASE("contrast ratios match WCAG's reference values", "[ui][contrast]") {
    CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(contrastRatio({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
    // #777777 on white is the classic borderline grey: 4.48:1, below even AA's 4.5.
    CHECK(contrastRatio({0x77, 0x77, 0x77}, {255, 255, 255}) == Approx(4.48).margin(0.01));
    // Order does not matter.
    CHECK(contrastRatio({255, 255, 255}, {0x59, 0x59, 0x59}) == Approx(contrastRatio({0x59, 0x59, 0x59}, {255, 255, 255})));
    // #595959 on white is about 7.0:1, the AAA threshold for text.
    CHECK(contrastRatio({0x59, 0x59, 0x59}, {255, 255, 255}) >= kMinimumTextContrast);
}
