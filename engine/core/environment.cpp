// Environment lists (see environment.h).
#include "core/environment.h"

#include <cstdlib>

namespace usine {

bool environmentListHas(const char* variable, std::string_view name) {
    const char* value = std::getenv(variable);
    if (!value) return false;
    std::string_view list(value);
    while (!list.empty()) {
        const std::size_t colon = list.find(':');
        if (list.substr(0, colon) == name) return true;
        if (colon == std::string_view::npos) break;
        list.remove_prefix(colon + 1);
    }
    return false;
}

} // namespace usine
