// The visit's font: Inter (The Inter Project Authors, Debian fonts-inter), a screen face with
// full French coverage and kerning, read from where the package installs it (never
// copied into the repository; its licence, the SIL Open Font License 1.1, is shown in
// the about panel). Andika (fonts-sil-andika), made for beginning readers, was tried
// first: it has no kerning at all, so "AV" would stand as far apart as "A V" does.
// One FreeType face and its HarfBuzz font.
#pragma once

#include <filesystem>
#include <memory>

namespace usine::ui {

// Where Debian installs the font (package fonts-inter, from tools/setup).
inline const std::filesystem::path kBodyFontFile = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";
inline constexpr const char* kBodyFontLicence = "SIL Open Font License 1.1";

class FontFace {
public:
    // Throws UserError naming the file (and the package) when it is missing or not a font.
    explicit FontFace(const std::filesystem::path& file = kBodyFontFile);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    const std::filesystem::path& file() const { return file_; }
    // The font's own design units per em.
    int unitsPerEm() const;
    // Whether the font has a glyph for the code point.
    bool hasGlyph(char32_t codePoint) const;

    struct Handles; // FreeType and HarfBuzz objects, for the shaper
    Handles& handles() const { return *handles_; }

private:
    std::filesystem::path file_;
    std::unique_ptr<Handles> handles_;
};

} // namespace usine::ui
