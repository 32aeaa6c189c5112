// The French spacing pass (see french_typography.h).
#include "ui/french_typography.h"

namespace usine::ui {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kOpenQuote = "\u00AB";  // «
constexpr std::string_view kCloseQuote = "\u00BB"; // »

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `out` ends with any space (typed, no-break or narrow no-break), which the pass
// replaces by one narrow no-break space.
std::size_t trailingSpaceBytes(const std::string& out) {
    if (out.size() >= kNarrowNoBreakSpace.size() && out.ends_with(kNarrowNoBreakSpace)) return kNarrowNoBreakSpace.size();
    if (out.size() >= kNoBreakSpace.size() && out.ends_with(kNoBreakSpace)) return kNoBreakSpace.size();
    std::size_t n = 0;
    while (n < out.size() && isSpace(out[out.size() - 1 - n])) ++n;
    return n;
}

// The bytes of leading spaces of `rest` (typed, no-break or narrow no-break).
std::size_t leadingSpaceBytes(std::string_view rest) {
    if (rest.starts_with(kNarrowNoBreakSpace)) return kNarrowNoBreakSpace.size();
    if (rest.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
    std::size_t n = 0;
    while (n < rest.size() && isSpace(rest[n])) ++n;
    return n;
}

} // namespace

std::string applyFrenchTypography(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view rest = text.substr(i);
        if (rest.starts_with(kOpenQuote)) {
            out.append(kOpenQuote);
            i += kOpenQuote.size();
            i += leadingSpaceBytes(text.substr(i));
            out.append(kNarrowNoBreakSpace);
            continue;
        }
        const char c = text[i];
        const bool closeQuote = rest.starts_with(kCloseQuote);
        const bool highPunctuation = c == ';' || c == ':' || c == '!' || c == '?';
        if (closeQuote || highPunctuation) {
            const bool clock = c == ':' && !out.empty() && isDigit(out.back()) && i + 1 < text.size() && isDigit(text[i + 1]);
            const bool url = c == ':' && rest.starts_with("://");
            // "!!" or "?!": one space before the first mark only.
            const bool follows = !out.empty() && (out.back() == '!' || out.back() == '?');
            const bool atStart = out.empty() || out.back() == '\n';
            if (!clock && !url && !follows && !atStart) {
                out.resize(out.size() - trailingSpaceBytes(out));
                out.append(kNarrowNoBreakSpace);
            }
            const std::size_t length = closeQuote ? kCloseQuote.size() : 1;
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        out.push_back(c);
        ++i;
    }
    return out;
}

} // namespace usine::ui
