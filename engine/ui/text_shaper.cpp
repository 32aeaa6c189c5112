// HarfBuzz shaping (see text_shaper.h).
#include "ui/text_shaper.h"

#include "ui/font_handles.h"

#include "core/error.h"
#include "core/text.h"

#include <cstdio>

namespace usine::ui {
namespace {

// The code point that starts `bytes` (for naming a missing character), 0xFFFD if broken.
std::uint32_t firstCodePoint(std::string_view bytes) {
    if (bytes.empty()) return 0xFFFD;
    const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
    const std::uint32_t lead = b(0);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || bytes.size() < length) return 0xFFFD;
    if (length == 1) return lead;
    std::uint32_t codePoint = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) codePoint = (codePoint << 6) | (b(i) & 0x3F);
    return codePoint;
}

} // namespace

ShapedText shapeText(const FontFace& font, std::string_view utf8, const std::string& what) {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font.handles().font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    const float perUnit = 1.0f / static_cast<float>(font.unitsPerEm());
    ShapedText shaped;
    std::string missing;
    for (unsigned i = 0; i < count; ++i) {
        if (infos[i].codepoint == 0) { // .notdef: the font has no glyph for this character
            const std::uint32_t codePoint = firstCodePoint(utf8.substr(infos[i].cluster));
            if (codePoint < 0x20) { // a line feed or tab: layout, not ink
                ShapedGlyph control;
                control.cluster = infos[i].cluster;
                shaped.glyphs.push_back(control);
                continue;
            }
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", codePoint);
            missing += (missing.empty() ? "" : ", ") + std::string(name);
            continue;
        }
        ShapedGlyph glyph;
        glyph.glyph = infos[i].codepoint;
        glyph.cluster = infos[i].cluster;
        glyph.advance = static_cast<float>(positions[i].x_advance) * perUnit;
        glyph.offsetX = static_cast<float>(positions[i].x_offset) * perUnit;
        glyph.offsetY = static_cast<float>(positions[i].y_offset) * perUnit;
        shaped.width += glyph.advance;
        shaped.glyphs.push_back(glyph);
    }
    hb_buffer_destroy(buffer);
    if (!missing.empty())
        throw UserError(concat(what, ": the font ", font.file().filename().string(), " has no glyph for ", missing));
    return shaped;
}

} // namespace usine::ui
