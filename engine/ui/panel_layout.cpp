// Panel layout: a column of title, paragraphs, progress bar and buttons (see panel_layout.h).
#include "ui/panel_layout.h"

#include "ui/panel_hit.h"
#include "ui/paragraph_layout.h"

#include <algorithm>
#include <cmath>

namespace usine::ui {
namespace {

struct Column {
    PanelDrawing& drawing;
    SdfGlyphs& glyphs;
    float left = 0;  // metres: the inner edges
    float width = 0;
    float y = 0;     // metres: the top of what comes next
};

// Sets `paragraph` (em units) at `em` metres per em, its first line's top at `top`,
// each line starting at `left` (plus, centred, half of what it leaves free of `width`).
void placeParagraph(Column& column, const Paragraph& paragraph, float em, float left, float top, float width,
                    bool centred, Srgb8 colour) {
    const SdfGlyphs& sizes = column.glyphs;
    const float metresPerPixel = em / static_cast<float>(sizes.emPixels());
    // The first baseline sits one ascent (about 0.8 em for Inter) below the top.
    const float firstBaseline = top + 0.8f * em;
    for (const PlacedGlyph& placed : paragraph.glyphs) {
        const SdfGlyph& field = column.glyphs.glyph(placed.glyph);
        if (field.width == 0 || field.height == 0) continue; // a space: nothing to draw
        const auto line = static_cast<std::size_t>(std::lround(placed.baseline / paragraph.lineHeight));
        float indent = 0;
        if (centred && line < paragraph.lineWidths.size())
            indent = std::max(0.0f, (width - paragraph.lineWidths[line] * em) * 0.5f);
        PanelQuad quad;
        quad.min.x = left + indent + placed.x * em + static_cast<float>(field.left) * metresPerPixel;
        quad.min.y = firstBaseline + placed.baseline * em - static_cast<float>(field.top) * metresPerPixel;
        quad.max = quad.min + glm::vec2(field.width, field.height) * metresPerPixel;
        quad.colour = colour;
        quad.layer = 2;
        quad.glyph = placed.glyph;
        column.drawing.quads.push_back(quad);
    }
}

float paragraphHeight(const Paragraph& paragraph, float em) {
    const auto lines = static_cast<float>(std::max<std::size_t>(1, paragraph.lineWidths.size()));
    return (0.8f + 0.3f + (lines - 1) * paragraph.lineHeight) * em; // ascent, descent, line gaps
}

std::string filledIn(std::string text, const PanelContent& content) {
    for (const auto& [name, value] : content.values) {
        const std::string placeholder = "{" + name + "}";
        for (std::size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

void addParagraph(Column& column, const std::string& key, float em, Srgb8 colour, const PanelContent& content,
                  const Translations& texts, Language language) {
    const Paragraph paragraph = layoutParagraph(column.glyphs.font(), filledIn(texts.text(key, language), content),
                                                languageCode(language), column.width / em, key);
    placeParagraph(column, paragraph, em, column.left, column.y, column.width, false, colour);
    column.y += paragraphHeight(paragraph, em);
}

} // namespace

PanelDrawing layoutPanel(const PanelContent& content, const PanelState& state, const Translations& texts,
                         Language language, SdfGlyphs& glyphs, const PanelLook& look) {
    const float distance = look.readingDistance;
    const float body = metresFromDmm(look.bodyEmDmm, distance);
    const float title = metresFromDmm(look.titleEmDmm, distance);
    const float padding = 0.8f * body;
    const float gap = 0.5f * body;

    PanelDrawing drawing;
    drawing.size.x = metresFromDmm(look.widthDmm, distance);
    Column column{drawing, glyphs, padding, drawing.size.x - 2 * padding, padding};
    drawing.quads.push_back({}); // the background, sized at the end

    if (!content.titleKey.empty()) {
        addParagraph(column, content.titleKey, title, look.text, content, texts, language);
        column.y += gap;
    }
    if (content.picture && content.picture->width > 0 && content.picture->height > 0) {
        // The inner width, the picture's own shape; at most as tall as the panel is wide.
        const float height = std::min(column.width * float(content.picture->height) / float(content.picture->width),
                                      column.width);
        const float width = height * float(content.picture->width) / float(content.picture->height);
        const float left = column.left + (column.width - width) * 0.5f;
        drawing.quads.push_back({{left, column.y}, {left + width, column.y + height}, Srgb8{255, 255, 255}, 1,
                                 std::nullopt, content.picture->file});
        column.y += height + gap;
    }
    std::vector<std::string> paragraphs;
    if (!content.bodyKey.empty()) paragraphs.push_back(content.bodyKey);
    paragraphs.insert(paragraphs.end(), content.extraBodyKeys.begin(), content.extraBodyKeys.end());
    for (const std::string& key : paragraphs) {
        addParagraph(column, key, body, look.text, content, texts, language);
        column.y += gap;
    }
    if (content.progress) {
        const float barHeight = 0.4f * body;
        const float fraction = std::clamp(*content.progress, 0.0f, 1.0f);
        drawing.quads.push_back({{column.left, column.y}, {column.left + column.width, column.y + barHeight},
                                 look.button, 1, std::nullopt, std::nullopt});
        drawing.quads.push_back({{column.left, column.y},
                                 {column.left + column.width * fraction, column.y + barHeight},
                                 look.progressFill, 2, std::nullopt, std::nullopt});
        column.y += barHeight + gap;
    }
    for (std::size_t index = 0; index < content.buttonKeys.size(); ++index) {
        const std::string& key = content.buttonKeys[index];
        const bool lit = state.hovered == int(index) || state.focused == int(index);
        const float inset = 0.5f * body;
        const Paragraph label = layoutParagraph(glyphs.font(), filledIn(texts.text(key, language), content), languageCode(language),
                                                (column.width - 2 * inset) / body, key);
        const float labelHeight = paragraphHeight(label, body);
        const float buttonHeight = labelHeight + 2 * 0.35f * body;
        const glm::vec2 min(column.left, column.y);
        const glm::vec2 max(column.left + column.width, column.y + buttonHeight);
        drawing.quads.push_back({min, max, lit ? look.highlight : look.button, 1, std::nullopt, std::nullopt});
        drawing.buttons.emplace_back(min, max);
        placeParagraph(column, label, body, column.left + inset, column.y + 0.35f * body, column.width - 2 * inset,
                       true, lit ? look.highlightText : look.buttonText);
        column.y += buttonHeight + 0.25f * body;
    }
    drawing.size.y = column.y - gap + padding;
    if (content.buttonKeys.empty() && !content.progress && paragraphs.empty() && content.titleKey.empty() &&
        !content.picture)
        drawing.size.y = 2 * padding;
    drawing.quads.front() = {{0, 0}, drawing.size, look.background, 0, std::nullopt, std::nullopt};
    return drawing;
}

std::optional<int> buttonAt(const PanelDrawing& drawing, const glm::vec2& point) {
    for (std::size_t index = 0; index < drawing.buttons.size(); ++index) {
        const auto& [min, max] = drawing.buttons[index];
        if (point.x >= min.x && point.x <= max.x && point.y >= min.y && point.y <= max.y) return int(index);
    }
    return std::nullopt;
}

} // namespace usine::ui
