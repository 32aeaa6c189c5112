// The picture comparison itself: what counts as a differing pixel, and when a picture
// matches (see tests/golden/README.md).
#include "support/golden.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::testing;

TEST_CASE("identical pictures match with nothing differing", "[compare]") {
    Rgba8Image a(10, 10);
    const ImageDifference d = compareImages(a, a);
    CHECK(d.sameSize);
    CHECK(d.differingShare == 0);
    CHECK(d.largestChannelDifference == 0);
    CHECK(d.within(GoldenTolerance{}));
}

TEST_CASE("a pixel differs only beyond the channel tolerance", "[compare]") {
    Rgba8Image a(10, 10), b(10, 10);
    b.at(3, 4)[1] = 8; // at the tolerance: not differing
    CHECK(compareImages(a, b).differingShare == 0);
    b.at(3, 4)[1] = 9; // beyond: one pixel of 100
    const ImageDifference d = compareImages(a, b);
    CHECK(d.differingShare == Approx(0.01));
    CHECK(d.largestChannelDifference == 9);
    CHECK_FALSE(d.within(GoldenTolerance{})); // 1 % > 0.5 %
    CHECK(d.within(GoldenTolerance{8, 0.01}));
}

TEST_CASE("pictures of different sizes never match", "[compare]") {
    CHECK_FALSE(compareImages(Rgba8Image(10, 10), Rgba8Image(10, 11)).within(GoldenTolerance{255, 1.0}));
}
