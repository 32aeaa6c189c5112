// What the ui layer's TOML readers (translations, menu) share: a node's place as
// "FILE:LINE:COLUMN", and every problem found reported at once, one a line.
#pragma once

#include <string>
#include <toml++/toml.h>
#include <vector>

namespace usine::ui {

std::string sourcePosition(const std::string& file, const toml::source_region& region);

// Throws UserError with every problem, one a line; does nothing when there are none.
void throwProblems(const std::vector<std::string>& problems);

} // namespace usine::ui
