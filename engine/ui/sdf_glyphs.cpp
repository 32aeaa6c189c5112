// FreeType SDF rendering (see sdf_glyphs.h).
#include "ui/sdf_glyphs.h"

#include "ui/font_handles.h"

#include "core/error.h"
#include "core/text.h"

#include FT_MODULE_H
#include <cstring>

namespace usine::ui {

SdfGlyphs::SdfGlyphs(const FontFace& font, int emPixels, int spread) : font_(font), emPixels_(emPixels), spread_(spread) {
    FT_Property_Set(font.handles().library, "sdf", "spread", &spread_);
    FT_Property_Set(font.handles().library, "bsdf", "spread", &spread_);
}

const SdfGlyph& SdfGlyphs::glyph(std::uint32_t index) {
    if (auto found = glyphs_.find(index); found != glyphs_.end()) return found->second;
    FT_Face face = font_.handles().face;
    if (FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(emPixels_)) != 0)
        throw SystemError("FreeType refused the SDF size");
    // Unhinted outlines: the field is scaled to every size, hinting for one size would
    // distort the others.
    if (FT_Load_Glyph(face, index, FT_LOAD_NO_HINTING) != 0 || FT_Render_Glyph(face->glyph, FT_RENDER_MODE_SDF) != 0)
        throw UserError(concat(font_.file().string(), ": glyph ", index, " cannot be made into a distance field"));
    const FT_Bitmap& bitmap = face->glyph->bitmap;
    SdfGlyph out;
    out.width = static_cast<int>(bitmap.width);
    out.height = static_cast<int>(bitmap.rows);
    out.left = face->glyph->bitmap_left;
    out.top = face->glyph->bitmap_top;
    out.distance.resize(std::size_t(out.width) * std::size_t(out.height));
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.distance.data() + std::size_t(y) * out.width, bitmap.buffer + std::ptrdiff_t(y) * bitmap.pitch,
                    std::size_t(out.width));
    return glyphs_.emplace(index, std::move(out)).first->second;
}

} // namespace usine::ui
