// Contrast between text and its background, as WCAG 2 measures it: (L1 + 0.05) / (L2 +
// 0.05) from the relative luminances. Pupils read panels at a distance, some with poor
// sight: every text colour on its panel must reach 7:1 (WCAG's AAA level).
#pragma once

#include <cstdint>

namespace usine::ui {

struct Srgb8 {
    std::uint8_t r = 0, g = 0, b = 0;
};

inline constexpr double kMinimumTextContrast = 7.0;

// 0 (black) to 1 (white).
double relativeLuminance(Srgb8 colour);
// 1 (none) to 21 (black on white), whichever colour is lighter.
double contrastRatio(Srgb8 a, Srgb8 b);

} // namespace usine::ui
