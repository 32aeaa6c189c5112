// Signed-distance-field glyphs (FreeType's FT_RENDER_MODE_SDF): one small picture per
// glyph, made once at a fixed size, from which text is drawn sharp at any distance and
// size (the GPU samples the distance and thresholds it at the outline). Kept on the CPU
// here: the renderer uploads them into its atlas.
#pragma once

#include "ui/font_face.h"

#include <cstdint>
#include <map>
#include <vector>

namespace usine::ui {

struct SdfGlyph {
    int width = 0;   // pixels of the distance picture
    int height = 0;
    int left = 0;    // from the pen position to the picture's left edge, pixels
    int top = 0;     // from the baseline up to the picture's top edge, pixels
    std::vector<std::uint8_t> distance; // 128 on the outline, more inside, less outside
};

class SdfGlyphs {
public:
    // `emPixels`: the size the distances are made at; `spread`: how many pixels the field
    // reaches beyond the outline (FreeType's default is 8).
    SdfGlyphs(const FontFace& font, int emPixels = 48, int spread = 8);

    const FontFace& font() const { return font_; }
    int emPixels() const { return emPixels_; }
    int spread() const { return spread_; }
    // Made on first use.
    const SdfGlyph& glyph(std::uint32_t index);

private:
    const FontFace& font_;
    int emPixels_;
    int spread_;
    std::map<std::uint32_t, SdfGlyph> glyphs_;
};

} // namespace usine::ui
