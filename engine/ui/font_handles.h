// The library objects behind a FontFace, for the ui layer's own files only (FreeType and
// HarfBuzz stay private to usine_ui).
#pragma once

#include "ui/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb.h>

namespace usine::ui {

struct FontFace::Handles {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    hb_font_t* font = nullptr;
};

} // namespace usine::ui
