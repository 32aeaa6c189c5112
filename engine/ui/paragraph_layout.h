// A paragraph set in lines no wider than a measure: shaped once (HarfBuzz), broken
// greedily at the Unicode break opportunities (never at a no-break space), in em units.
// What a panel draws and what hit-testing and tests measure.
#pragma once

#include "ui/font_face.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace usine::ui {

struct PlacedGlyph {
    std::uint32_t glyph = 0;
    float x = 0;        // pen position, em units from the paragraph's left edge
    float baseline = 0; // em units down from the first line's baseline
};

struct Paragraph {
    std::vector<PlacedGlyph> glyphs;
    std::vector<float> lineWidths; // em units, one per line
    float lineHeight = 1.3f;       // em units between baselines
};

// `what` names the text (its key) in messages; a word wider than the measure gets a line
// of its own (it overflows rather than being cut).
Paragraph layoutParagraph(const FontFace& font, std::string_view utf8, const char* languageCode, float measureEm,
                          const std::string& what, float lineHeightEm = 1.3f);

} // namespace usine::ui
