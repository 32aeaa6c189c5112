// Picture encoding and decoding, including hostile input.
#include "core/error.h"
#include "core/image_io.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

using namespace usine;

TEST_CASE("a PNG written and read back is identical", "[image]") {
    Rgba8Image image(5, 3);
    for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = static_cast<std::uint8_t>(i * 7);
    const auto path = testing::testOutputDirectory() / "roundtrip.png";
    writePng(path, image);
    const Rgba8Image back = readImageFile(path);
    CHECK(back.width == 5);
    CHECK(back.height == 3);
    CHECK(back.pixels == image.pixels);
}

TEST_CASE("undecodable bytes give an error naming the source", "[image]") {
    const std::vector<std::uint8_t> garbage{'n', 'o', 't', ' ', 'a', ' ', 'p', 'n', 'g'};
    try {
        decodeImage(garbage, "wall.png");
        FAIL("garbage decoded");
    } catch (const UserError& error) {
        CHECK_THAT(error.what(), Catch::Contains("wall.png") && Catch::Contains("not a readable picture"));
    }
    CHECK_THROWS_AS(decodeImage({}, "empty.png"), UserError);
}

TEST_CASE("a picture claiming enormous dimensions is refused before decoding", "[image]") {
    // A valid PNG header (signature + IHDR) announcing 100000 x 100000 pixels.
    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                  0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 6, 0, 0, 0, 0, 0, 0, 0};
    try {
        decodeImage(png, "huge.png");
        FAIL("huge picture accepted");
    } catch (const UserError& error) {
        CHECK_THAT(error.what(), Catch::Contains("huge.png"));
    }
}

TEST_CASE("missing files are named in the error", "[image]") {
    CHECK_THROWS_WITH(readImageFile("/nonexistent/texture.png"), Catch::Contains("/nonexistent/texture.png") &&
                                                                        Catch::Contains("not found"));
}

TEST_CASE("side by side joins two eyes", "[image]") {
    Rgba8Image left(2, 2), right(3, 2);
    left.at(1, 1)[0] = 10;
    right.at(0, 0)[0] = 20;
    const Rgba8Image joined = sideBySide(left, right);
    CHECK(joined.width == 5);
    CHECK(joined.at(1, 1)[0] == 10);
    CHECK(joined.at(2, 0)[0] == 20);
}
