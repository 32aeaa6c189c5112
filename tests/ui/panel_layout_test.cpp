// Panel layout without a GPU: colours reach 7:1, everything sits inside the panel,
// buttons are found where they are drawn and nowhere else, sizes follow the reading
// distance.
#include "ui/font_face.h"
#include "ui/panel_hit.h"
#include "ui/panel_layout.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::ui;

namespace {

Translations testTexts() {
    const std::string french = "[t]\ntitle = \"Menu\"\nbody = \"Choisissez : une langue, un confort !\"\n"
                               "a = \"Français\"\nb = \"English\"\n";
    const std::string english = "[t]\ntitle = \"Menu\"\nbody = \"Choose: a language, a comfort!\"\n"
                                "a = \"Français\"\nb = \"English\"\n";
    return Translations::parse({{Language::French, {"fr.toml", french}}, {Language::English, {"en.toml", english}}});
}

PanelContent menuContent() {
    PanelContent content;
    content.titleKey = "t.title";
    content.bodyKey = "t.body";
    content.buttonKeys = {"t.a", "t.b"};
    return content;
}

} // namespace

TEST_CASE("every text colour of the panel look reaches 7:1 on what it sits on", "[panel]") {
    const PanelLook look;
    CHECK(contrastRatio(look.text, look.background) >= kMinimumTextContrast);
    CHECK(contrastRatio(look.buttonText, look.button) >= kMinimumTextContrast);
    CHECK(contrastRatio(look.highlightText, look.highlight) >= kMinimumTextContrast);
    CHECK(look.bodyEmDmm >= 24.0f);
}

TEST_CASE("a panel's quads lie inside it, text above buttons above the background", "[panel]") {
    FontFace font;
    SdfGlyphs glyphs(font);
    const Translations texts = testTexts();
    const PanelDrawing drawing = layoutPanel(menuContent(), {}, texts, Language::French, glyphs);
    REQUIRE(drawing.size.x == Approx(0.56f * 1.5f));
    REQUIRE(drawing.quads.size() > 20);
    CHECK(drawing.quads.front().layer == 0);
    CHECK(drawing.quads.front().min == glm::vec2(0));
    CHECK(drawing.quads.front().max == drawing.size);
    int glyphQuads = 0;
    for (const PanelQuad& quad : drawing.quads) {
        INFO("quad " << quad.min.x << "," << quad.min.y << " - " << quad.max.x << "," << quad.max.y);
        CHECK(quad.min.x >= 0.0f);
        CHECK(quad.min.y >= 0.0f);
        CHECK(quad.max.x <= drawing.size.x);
        CHECK(quad.max.y <= drawing.size.y);
        if (quad.glyph) {
            ++glyphQuads;
            CHECK(quad.layer == 2);
        }
    }
    // Spaces draw nothing: "Menu" + "Choisissez : une langue, un confort !" + buttons.
    CHECK(glyphQuads > 30);
    REQUIRE(drawing.buttons.size() == 2);
    CHECK(drawing.buttons[0].second.y < drawing.buttons[1].first.y); // stacked, not overlapping
}

TEST_CASE("a button is found at its centre, and not 5 cm beside it", "[panel][pointer]") {
    FontFace font;
    SdfGlyphs glyphs(font);
    const PanelDrawing drawing = layoutPanel(menuContent(), {}, testTexts(), Language::English, glyphs);
    for (int index = 0; index < 2; ++index) {
        const auto& [min, max] = drawing.buttons[std::size_t(index)];
        const glm::vec2 centre = (min + max) * 0.5f;
        CHECK(buttonAt(drawing, centre) == index);
        CHECK_FALSE(buttonAt(drawing, {max.x + 0.05f, centre.y}));
        CHECK_FALSE(buttonAt(drawing, {min.x - 0.05f, centre.y}));
    }
    CHECK_FALSE(buttonAt(drawing, {drawing.size.x * 0.5f, 0.01f})); // the title is not a button
}

TEST_CASE("the hovered or focused button is lit, with its own text colour", "[panel]") {
    FontFace font;
    SdfGlyphs glyphs(font);
    const PanelLook look;
    PanelState state;
    state.hovered = 1;
    const PanelDrawing drawing = layoutPanel(menuContent(), state, testTexts(), Language::French, glyphs);
    int lit = 0, litText = 0;
    for (const PanelQuad& quad : drawing.quads) {
        const bool highlight = quad.colour.r == look.highlight.r && quad.colour.g == look.highlight.g;
        if (highlight && !quad.glyph) {
            ++lit;
            CHECK(quad.min == drawing.buttons[1].first);
        }
        if (quad.glyph && quad.colour.r == look.highlightText.r && quad.colour.g == look.highlightText.g) ++litText;
    }
    CHECK(lit == 1);
    CHECK(litText == 7); // "English"
}

TEST_CASE("sizes follow the reading distance: the same angle at 1.5 m and 3 m", "[panel]") {
    FontFace font;
    SdfGlyphs glyphs(font);
    PanelLook near, far;
    near.readingDistance = 1.5f;
    far.readingDistance = 3.0f;
    const PanelDrawing a = layoutPanel(menuContent(), {}, testTexts(), Language::French, glyphs, near);
    const PanelDrawing b = layoutPanel(menuContent(), {}, testTexts(), Language::French, glyphs, far);
    CHECK(b.size.x == Approx(2 * a.size.x));
    CHECK(b.size.y == Approx(2 * a.size.y));
}
