// French typography for pupil-visible text: authors type plain spaces (or none) and this
// pass puts the narrow no-break space (U+202F) where French typesetting wants it, before
// ; : ! ? and inside « », so a line never breaks there and the gap is the right width.
// Everything else (œ Œ É À Ç ’ …) is kept as typed. English text is never passed here.
#pragma once

#include <string>
#include <string_view>

namespace usine::ui {

inline constexpr std::string_view kNarrowNoBreakSpace = "\u202F";

// UTF-8 in, UTF-8 out. Idempotent: text already set (with U+202F or U+00A0) is unchanged.
// A ':' between digits (10:30) or in a URL-like word ("https://") is left alone.
std::string applyFrenchTypography(std::string_view text);

} // namespace usine::ui
