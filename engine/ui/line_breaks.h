// Where a line may break, by the Unicode line breaking algorithm (UAX #14, libunibreak):
// never inside a word, never at a no-break space (U+00A0, U+202F: "été : ça" stays
// together), and always after a line feed.
#pragma once

#include <string_view>
#include <vector>

namespace usine::ui {

enum class BreakAfter { Never, Allowed, Required };

// One entry per byte of `utf8`: whether a line may end after that byte.
std::vector<BreakAfter> lineBreaks(std::string_view utf8, const char* languageCode);

} // namespace usine::ui
