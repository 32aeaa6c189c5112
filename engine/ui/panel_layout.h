// A panel's content set out on its surface, in metres: the background, a title, a body
// paragraph, a column of buttons and a progress bar, as coloured rectangles and
// distance-field glyph quads. What the renderer draws (world space or a quad layer), and
// where the buttons are for pointing. Sizes come in distance-independent millimetres at
// the distance the panel is meant to be read from, so a panel reads the same at 1.2 m
// as at 3 m. API-free: tested without a GPU.
#pragma once

#include "core/view_geometry.h"
#include "ui/contrast.h"
#include "ui/sdf_glyphs.h"
#include "ui/translations.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace usine::ui {

// A photograph or drawing shown on a panel (a job at work, a part to find): its file
// and its size in pixels, which gives its shape on the panel.
struct PanelPicture {
    std::filesystem::path file;
    int width = 0;
    int height = 0;
};

// What a panel says: text keys only, never strings (every word is data).
struct PanelContent {
    std::string titleKey;                // empty: no title
    std::optional<PanelPicture> picture; // under the title, the panel's width
    std::string bodyKey;                 // empty: no body
    std::vector<std::string> extraBodyKeys; // more paragraphs (the about panel's licences)
    std::vector<std::string> buttonKeys; // top to bottom
    std::optional<float> progress;       // 0..1: a bar under the body
    // "{name}" in a text is replaced by its value: numbers and names that are not words
    // to translate (a version, an angle).
    std::vector<std::pair<std::string, std::string>> values;
};

// Which button the pointer is on and which has the keyboard's focus (-1: none).
struct PanelState {
    int hovered = -1;
    int focused = -1;
    bool operator==(const PanelState&) const = default;
};

struct PanelLook {
    float readingDistance = 1.5f; // m: the distance the sizes below are meant for
    float widthDmm = 560;         // the panel's width
    float bodyEmDmm = 28;         // body text: at least 24 dmm to read easily
    float titleEmDmm = 40;
    // Colours (sRGB). Every text colour reaches 7:1 on what it sits on
    // (tests/ui/panel_layout_test.cpp checks it).
    Srgb8 background{0x1b, 0x24, 0x30};
    Srgb8 text{0xff, 0xff, 0xff};
    Srgb8 button{0x2e, 0x3a, 0x4a};
    Srgb8 buttonText{0xff, 0xff, 0xff};
    Srgb8 highlight{0xf5, 0xb7, 0x31}; // the hovered or focused button
    Srgb8 highlightText{0x1b, 0x24, 0x30};
    Srgb8 progressFill{0x6f, 0xcf, 0x97};
};

struct PanelQuad {
    glm::vec2 min{0};  // metres from the panel's top-left corner, y down
    glm::vec2 max{0};
    Srgb8 colour;
    // Drawn above the background by this many steps: 0 background, 1 buttons, 2 text.
    int layer = 0;
    // A glyph of the font (its distance field), or a plain rectangle.
    std::optional<std::uint32_t> glyph;
    // A picture's pixels fill the rectangle (its colour, white, leaves them as they are).
    std::optional<std::filesystem::path> picture;
};

struct PanelDrawing {
    glm::vec2 size{0}; // metres
    std::vector<PanelQuad> quads;
    std::vector<std::pair<glm::vec2, glm::vec2>> buttons; // min, max of each button
};

// A panel in the world: `pose` at its centre, its front (+Z) towards the reader.
struct PlacedPanel {
    Pose pose;
    PanelDrawing drawing;
    // Follows the head (menu, subtitles): a headset shows it as a layer of its own.
    bool headFollowing = false;
};

// Throws UserError when a text has a character the font lacks (naming its key).
PanelDrawing layoutPanel(const PanelContent& content, const PanelState& state, const Translations& texts,
                         Language language, SdfGlyphs& glyphs, const PanelLook& look = {});

// The button under a point given in metres from the panel's top-left corner.
std::optional<int> buttonAt(const PanelDrawing& drawing, const glm::vec2& point);

} // namespace usine::ui
