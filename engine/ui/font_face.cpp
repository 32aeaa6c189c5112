// FreeType face and HarfBuzz font (see font_face.h).
#include "ui/font_face.h"

#include "ui/font_handles.h"

#include "core/error.h"
#include "core/text.h"

namespace usine::ui {

FontFace::FontFace(const std::filesystem::path& file) : file_(file), handles_(std::make_unique<Handles>()) {
    if (!std::filesystem::exists(file))
        throw UserError(concat(file.string(), ": the font is missing (Debian package fonts-inter; run tools/setup)"));
    if (FT_Init_FreeType(&handles_->library) != 0) throw SystemError("FreeType could not start");
    if (FT_New_Face(handles_->library, file.c_str(), 0, &handles_->face) != 0) {
        FT_Done_FreeType(handles_->library);
        throw UserError(concat(file.string(), ": not a font FreeType can read"));
    }
    // Shaping works in font units with HarfBuzz's own OpenType metrics (not FreeType's
    // size-dependent, hinted ones): positions come out exact, scaled by the caller.
    hb_face_t* face = hb_ft_face_create_referenced(handles_->face);
    handles_->font = hb_font_create(face);
    hb_face_destroy(face);
    hb_ot_font_set_funcs(handles_->font);
    hb_font_set_scale(handles_->font, handles_->face->units_per_EM, handles_->face->units_per_EM);
}

FontFace::~FontFace() {
    hb_font_destroy(handles_->font);
    FT_Done_Face(handles_->face);
    FT_Done_FreeType(handles_->library);
}

int FontFace::unitsPerEm() const { return handles_->face->units_per_EM; }

bool FontFace::hasGlyph(char32_t codePoint) const { return FT_Get_Char_Index(handles_->face, codePoint) != 0; }

} // namespace usine::ui
