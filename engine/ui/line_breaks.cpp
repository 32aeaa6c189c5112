// libunibreak glue (see line_breaks.h).
#include "ui/line_breaks.h"

#include <linebreak.h>
#include <mutex>

namespace usine::ui {

std::vector<BreakAfter> lineBreaks(std::string_view utf8, const char* languageCode) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { init_linebreak(); });
    std::vector<char> breaks(utf8.size());
    if (!utf8.empty())
        set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(), languageCode, breaks.data());
    std::vector<BreakAfter> out(utf8.size(), BreakAfter::Never);
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        if (breaks[i] == LINEBREAK_MUSTBREAK) out[i] = BreakAfter::Required;
        if (breaks[i] == LINEBREAK_ALLOWBREAK) out[i] = BreakAfter::Allowed;
    }
    // The end of the text always ends a line; that is not a break the text asks for.
    if (!out.empty()) out.back() = BreakAfter::Never;
    return out;
}

} // namespace usine::ui
