// Text drawn from signed distance fields checked against an independent oracle: the same
// paragraph rendered by FreeType's plain anti-aliased rasterizer (FT_RENDER_MODE_NORMAL)
// at the same pixel size and pen positions. Their ink (coverage, or distance, past half)
// must overlap with IoU >= 0.9. Both pictures are written to the test output.
#include "core/image_io.h"
#include "support/test_paths.h"
#include "ui/font_handles.h"
#include "ui/french_typography.h"
#include "ui/paragraph_layout.h"
#include "ui/sdf_glyphs.h"
#include "ui/text_shaper.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace usine;
using namespace usine::ui;

namespace {

struct InkPicture {
    int width = 0, height = 0;
    std::vector<std::uint8_t> ink; // 0..255

    InkPicture(int w, int h) : width(w), height(h), ink(std::size_t(w) * std::size_t(h), 0) {}
    std::uint8_t& at(int x, int y) { return ink[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
    void save(const std::string& name) const {
        Rgba8Image image(width, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                std::uint8_t* p = image.at(x, y);
                p[0] = p[1] = p[2] = static_cast<std::uint8_t>(255 - ink[std::size_t(y) * width + x]);
                p[3] = 255;
            }
        writePng(testing::testOutputDirectory() / name, image);
    }
};

constexpr int kMargin = 8;

// The distance field, scaled to `pixels` per em and thresholded at the outline.
InkPicture drawWithSdf(const Paragraph& paragraph, SdfGlyphs& sdf, int pixels, int width, int height) {
    InkPicture picture(width, height);
    const float scale = float(sdf.emPixels()) / float(pixels); // field pixels per picture pixel
    for (const PlacedGlyph& placed : paragraph.glyphs) {
        const SdfGlyph& glyph = sdf.glyph(placed.glyph);
        if (glyph.width == 0) continue;
        // Pen positions rounded to whole pixels, as the oracle places FreeType's bitmaps:
        // the comparison is of the glyphs' shapes, not of sub-pixel placement.
        const float penX = float(std::lround(kMargin + placed.x * pixels));
        const float baseY = float(std::lround(kMargin + (placed.baseline + 1.0f) * pixels));
        const float left = penX + glyph.left / scale, top = baseY - glyph.top / scale;
        const int x0 = std::max(0, int(std::floor(left))), x1 = std::min(width, int(std::ceil(left + glyph.width / scale)));
        const int y0 = std::max(0, int(std::floor(top))), y1 = std::min(height, int(std::ceil(top + glyph.height / scale)));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                // Bilinear sample at the pixel's centre.
                const float u = (x + 0.5f - left) * scale - 0.5f, v = (y + 0.5f - top) * scale - 0.5f;
                const int iu = int(std::floor(u)), iv = int(std::floor(v));
                const float fu = u - iu, fv = v - iv;
                auto d = [&](int a, int b) {
                    a = std::clamp(a, 0, glyph.width - 1);
                    b = std::clamp(b, 0, glyph.height - 1);
                    return float(glyph.distance[std::size_t(b) * glyph.width + a]);
                };
                const float value = (d(iu, iv) * (1 - fu) + d(iu + 1, iv) * fu) * (1 - fv) +
                                    (d(iu, iv + 1) * (1 - fu) + d(iu + 1, iv + 1) * fu) * fv;
                if (value >= 128) picture.at(x, y) = 255;
            }
    }
    return picture;
}

// The oracle: FreeType's own anti-aliased rendering at `pixels` per em.
InkPicture drawWithFreeType(const FontFace& font, const Paragraph& paragraph, int pixels, int width, int height) {
    InkPicture picture(width, height);
    FT_Face face = font.handles().face;
    REQUIRE(FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixels)) == 0);
    for (const PlacedGlyph& placed : paragraph.glyphs) {
        REQUIRE(FT_Load_Glyph(face, placed.glyph, FT_LOAD_NO_HINTING) == 0);
        REQUIRE(FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0);
        const FT_Bitmap& bitmap = face->glyph->bitmap;
        const int left = int(std::lround(kMargin + placed.x * pixels)) + face->glyph->bitmap_left;
        const int top = int(std::lround(kMargin + (placed.baseline + 1.0f) * pixels)) - face->glyph->bitmap_top;
        for (unsigned row = 0; row < bitmap.rows; ++row)
            for (unsigned column = 0; column < bitmap.width; ++column) {
                const int x = left + int(column), y = top + int(row);
                if (x < 0 || y < 0 || x >= width || y >= height) continue;
                const std::uint8_t coverage = bitmap.buffer[std::ptrdiff_t(row) * bitmap.pitch + column];
                if (coverage >= 128) picture.at(x, y) = 255;
            }
    }
    return picture;
}

double inkIoU(const InkPicture& a, const InkPicture& b) {
    long both = 0, either = 0;
    for (std::size_t i = 0; i < a.ink.size(); ++i) {
        both += a.ink[i] && b.ink[i];
        either += a.ink[i] || b.ink[i];
    }
    return either ? double(both) / double(either) : 0.0;
}

void checkAgainstFreeType(const std::string& text, float measureEm, int pixels, const std::string& name, int& lines) {
    const FontFace font;
    SdfGlyphs sdf(font);
    const Paragraph paragraph = layoutParagraph(font, text, "fr", measureEm, name);
    lines = int(paragraph.lineWidths.size());
    const int width = int(measureEm * pixels) + 2 * kMargin + pixels;
    const int height = int((lines * paragraph.lineHeight + 0.6f) * pixels) + 2 * kMargin;
    const InkPicture fromSdf = drawWithSdf(paragraph, sdf, pixels, width, height);
    const InkPicture oracle = drawWithFreeType(font, paragraph, pixels, width, height);
    fromSdf.save(name + "-sdf.png");
    oracle.save(name + "-freetype.png");
    const double iou = inkIoU(fromSdf, oracle);
    INFO(name << ": ink IoU " << iou << " at " << pixels << " px per em, " << lines << " lines");
    CHECK(iou >= 0.9);
}

} // namespace

TEST_CASE("SDF text matches FreeType's plain rendering: a French title", "[ui][sdf]") {
    int lines = 0;
    checkAgainstFreeType(applyFrenchTypography("Œuvre à l’été : ça « marche » !"), 40, 32, "sdf-title", lines);
    CHECK(lines == 1);
}

TEST_CASE("SDF text matches FreeType's plain rendering: a long paragraph that wraps", "[ui][sdf]") {
    const std::string text = applyFrenchTypography(
        "Au Technocampus, les élèves essaient les métiers de l’industrie : souder une pièce, draper un "
        "composite, apprendre un geste à un robot collaboratif. Chaque poste explique ce qu’on y fait, "
        "comment on y arrive et pourquoi c’est utile ! Prêt ? On y va.");
    int lines = 0;
    checkAgainstFreeType(text, 14, 24, "sdf-paragraph", lines);
    CHECK(lines >= 5);
}

TEST_CASE("a wrapped French paragraph never starts a line with : ! ? or »", "[ui][lines]") {
    const FontFace font;
    const std::string text =
        applyFrenchTypography("Vous voulez essayer ? Alors allez-y : choisissez un poste ! Ensuite « validez » !");
    for (float measure = 3; measure <= 20; measure += 0.5f) {
        const Paragraph paragraph = layoutParagraph(font, text, "fr", measure, "test");
        // The first glyph of every line after the first is not a closing sign.
        float previousBaseline = 0;
        for (std::size_t i = 0; i < paragraph.glyphs.size(); ++i) {
            if (paragraph.glyphs[i].baseline == previousBaseline) continue;
            previousBaseline = paragraph.glyphs[i].baseline;
            for (const char* sign : {":", "!", "?", "\u00BB"}) {
                const auto shaped = shapeText(font, sign, "test");
                CHECK(paragraph.glyphs[i].glyph != shaped.glyphs.at(0).glyph);
            }
        }
    }
}
