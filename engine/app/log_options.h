// How chatty `usine` is, for every command: --verbose (debug lines too), --quiet
// (warnings and errors only), or USINE_LOG=debug|info|warning|error; a flag wins over
// the variable. A teacher or a fair technician reads the info lines to know where the
// headset is (session states, runtime and headset names, view configuration).
#pragma once

#include <string>
#include <vector>

namespace usine::app {

// Sets the log level from USINE_LOG and the flags, and returns `words` without the
// flags. Throws UserError for an unknown USINE_LOG value, or both flags at once.
std::vector<std::string> applyLogOptions(const std::vector<std::string>& words);

} // namespace usine::app
