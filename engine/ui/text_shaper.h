// Shaping: a line of UTF-8 text becomes positioned glyphs of the font (HarfBuzz: kerning,
// ligatures, marks), in em units so any size is one multiplication away. A character
// the font lacks is reported, never drawn as an empty box.
#pragma once

#include "ui/font_face.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace usine::ui {

struct ShapedGlyph {
    std::uint32_t glyph = 0;   // index in the font
    std::uint32_t cluster = 0; // byte offset of its first character in the text
    float advance = 0;         // em units (1 = the font size)
    float offsetX = 0;
    float offsetY = 0;
};

struct ShapedText {
    std::vector<ShapedGlyph> glyphs;
    float width = 0; // em units, the sum of the advances
};

// Throws UserError naming the characters the font lacks (U+XXXX) and `what` (a text key).
ShapedText shapeText(const FontFace& font, std::string_view utf8, const std::string& what);

} // namespace usine::ui
