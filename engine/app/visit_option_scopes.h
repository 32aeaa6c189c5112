// Which `usine visit` options mean something on which display. No option is accepted
// and quietly ignored: with --mode, an option that means nothing on that display is
// refused (exit 2, saying why); without --mode the display is only known once chosen,
// so options for another display are then named in one line as not used, and why.
#pragma once

#include "app/arguments.h"
#include "app/display_choice.h"

#include <optional>
#include <string>
#include <vector>

namespace usine::app {

// Throws UserError when `requested` is a mode some given option means nothing in
// (--headset-wait means something only without --mode).
void refuseOptionsOutOfScope(const Arguments& arguments, std::optional<DisplayMode> requested);

// The given options that mean nothing on `chosen`, each with why ("--out: only headless
// visits write pictures").
std::vector<std::string> optionsUnusedOn(const Arguments& arguments, DisplayMode chosen);

} // namespace usine::app
