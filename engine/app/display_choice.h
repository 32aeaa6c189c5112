// Which display a visit uses, and why: the rules of `usine visit --mode`, kept apart
// from the backends so they are tested on their own. Without --mode: a headset when an
// OpenXR runtime answers and a headset is there; else a window when there is a screen;
// else the headless tour. The reason is always said to the user.
#pragma once

#include <optional>
#include <string>

namespace usine::app {

enum class DisplayMode { Headset, Window, Headless };

const char* modeName(DisplayMode mode);   // "headset", "window", "headless"
const char* modeOption(DisplayMode mode); // what --mode calls it: "xr", "desktop", "headless"
std::optional<DisplayMode> parseDisplayMode(const std::string& text); // "xr", "desktop", "headless"

// What was found on this machine when choosing.
struct DisplayProbe {
    bool headsetSupportBuilt = true;  // the OpenXR backend exists in this build
    std::string headsetUnavailable;   // why no headset ("" when one answered)
    bool windowSupportBuilt = true;   // the desktop backend exists in this build
    bool screen = false;              // a window can be opened (X11 or Wayland display)
};

struct DisplayDecision {
    DisplayMode mode;
    std::string reason; // one line for the user
};

DisplayDecision chooseDisplay(std::optional<DisplayMode> requested, const DisplayProbe& probe);

// True when a window system is there to open a window on (DISPLAY or WAYLAND_DISPLAY).
bool screenAvailable();

} // namespace usine::app
