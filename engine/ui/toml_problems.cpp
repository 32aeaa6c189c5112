// Shared TOML reporting (see toml_problems.h).
#include "ui/toml_problems.h"

#include "core/error.h"
#include "core/text.h"

namespace usine::ui {

std::string sourcePosition(const std::string& file, const toml::source_region& region) {
    return concat(file, ":", region.begin.line, ":", region.begin.column);
}

void throwProblems(const std::vector<std::string>& problems) {
    if (problems.empty()) return;
    std::string message = problems.front();
    for (std::size_t i = 1; i < problems.size(); ++i) message += "\n" + problems[i];
    throw UserError(message);
}

} // namespace usine::ui
