// Greedy line filling over shaped glyphs (see paragraph_layout.h).
#include "ui/paragraph_layout.h"

#include "ui/line_breaks.h"
#include "ui/text_shaper.h"

#include <string>

namespace usine::ui {
namespace {

bool isSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t'; }

} // namespace

Paragraph layoutParagraph(const FontFace& font, std::string_view utf8, const char* languageCode, float measureEm,
                          const std::string& what, float lineHeightEm) {
    const ShapedText shaped = shapeText(font, utf8, what);
    const std::vector<BreakAfter> breaks = lineBreaks(utf8, languageCode);
    Paragraph paragraph;
    paragraph.lineHeight = lineHeightEm;

    // Walk the glyphs; remember the last place a line could end (the glyph index after
    // a break opportunity) and break there when the line grows past the measure.
    std::size_t lineStart = 0;
    while (lineStart < shaped.glyphs.size()) {
        float width = 0;
        std::size_t end = lineStart;             // one past the last glyph on this line
        std::size_t lastBreak = lineStart;        // glyph index where the line may end
        bool required = false;
        for (; end < shaped.glyphs.size(); ++end) {
            const ShapedGlyph& glyph = shaped.glyphs[end];
            const bool space = isSpaceByte(utf8[glyph.cluster]);
            if (!space && width + glyph.advance > measureEm && lastBreak > lineStart) {
                end = lastBreak;
                break;
            }
            width += glyph.advance;
            // A break after this glyph's last byte: the next cluster starts a new word.
            const std::size_t nextCluster = end + 1 < shaped.glyphs.size() ? shaped.glyphs[end + 1].cluster : utf8.size();
            const BreakAfter after = nextCluster > 0 ? breaks[nextCluster - 1] : BreakAfter::Never;
            if (after == BreakAfter::Required) {
                end += 1;
                required = true;
                break;
            }
            if (after == BreakAfter::Allowed) lastBreak = end + 1;
        }
        (void)required;
        // Set the line: trailing spaces take no width.
        float x = 0;
        float inkWidth = 0;
        const float baseline = static_cast<float>(paragraph.lineWidths.size()) * lineHeightEm;
        for (std::size_t i = lineStart; i < end; ++i) {
            const ShapedGlyph& glyph = shaped.glyphs[i];
            const char first = utf8[glyph.cluster];
            if (first != '\n') paragraph.glyphs.push_back({glyph.glyph, x + glyph.offsetX, baseline - glyph.offsetY});
            x += glyph.advance;
            if (!isSpaceByte(first)) inkWidth = x;
        }
        paragraph.lineWidths.push_back(inkWidth);
        lineStart = end;
        // A line does not start with the spaces it broke at.
        while (lineStart < shaped.glyphs.size() && utf8[shaped.glyphs[lineStart].cluster] == ' ') ++lineStart;
    }
    return paragraph;
}

} // namespace usine::ui
