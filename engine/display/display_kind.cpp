// Names of display kinds, for messages.
#include "display/display.h"

namespace usine::display {

const char* kindName(DisplayKind kind) {
    switch (kind) {
    case DisplayKind::Headset: return "headset";
    case DisplayKind::Window: return "window";
    case DisplayKind::Headless: return "headless";
    }
    return "display";
}

} // namespace usine::display
