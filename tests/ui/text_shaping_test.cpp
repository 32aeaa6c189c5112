// Shaping with the shipped font: kerning is applied, French characters are all there,
// a character the font lacks is reported; line breaks follow Unicode and never happen
// at a narrow no-break space.
#include "core/error.h"
#include "ui/font_face.h"
#include "ui/french_typography.h"
#include "ui/line_breaks.h"
#include "ui/text_shaper.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::ui;

TEST_CASE("shaping applies the font's kerning: AV and Te sit closer than plain advances", "[ui][shaping]") {
    const FontFace font;
    for (const char* pair : {"AV", "Te"}) {
        INFO(pair);
        const float together = shapeText(font, pair, "test").width;
        const float apart = shapeText(font, std::string(1, pair[0]), "test").width +
                            shapeText(font, std::string(1, pair[1]), "test").width;
        CHECK(together < apart - 0.01f);
    }
}

TEST_CASE("every character of French text has a glyph; a missing one is reported", "[ui][shaping]") {
    const FontFace font;
    const std::string french = applyFrenchTypography("Œuvre à l’été : ça « marche » ! œ É À Ç …");
    const ShapedText shaped = shapeText(font, french, "about.body");
    CHECK(shaped.glyphs.size() >= 30);
    CHECK(font.hasGlyph(0x202F));
    CHECK_THROWS_WITH(shapeText(font, "usine \u4E2D", "site.title"),
                      "site.title: the font Inter-Regular.otf has no glyph for U+4E2D");
}

TEST_CASE("lines break between words, never at a narrow no-break space", "[ui][lines]") {
    const std::string text = applyFrenchTypography("l’été : ça marche");
    const auto breaks = lineBreaks(text, "fr");
    REQUIRE(breaks.size() == text.size());
    const std::size_t colon = text.find(':');
    // Before the colon sits U+202F (3 bytes): no break after any of its bytes, nor after
    // the word before it.
    for (std::size_t i = colon - 4; i < colon; ++i) CHECK(breaks[i] == BreakAfter::Never);
    CHECK(breaks[colon + 1] == BreakAfter::Allowed); // the space after the colon
    const std::size_t ca = text.find("ça");
    CHECK(breaks[ca] == BreakAfter::Never); // inside a word
    CHECK(lineBreaks("un\ndeux", "fr")[2] == BreakAfter::Required);
}

TEST_CASE("a missing font file names the file and the package", "[ui][shaping]") {
    CHECK_THROWS_WITH(FontFace("/nowhere/font.ttf"),
                      "/nowhere/font.ttf: the font is missing (Debian package fonts-inter; run tools/setup)");
}
