// Display choice rules (see display_choice.h).
#include "app/display_choice.h"

#include "core/text.h"

#include <cstdlib>

namespace usine::app {

const char* modeName(DisplayMode mode) {
    switch (mode) {
    case DisplayMode::Headset: return "headset";
    case DisplayMode::Window: return "window";
    case DisplayMode::Headless: return "headless";
    }
    return "display";
}

const char* modeOption(DisplayMode mode) {
    switch (mode) {
    case DisplayMode::Headset: return "xr";
    case DisplayMode::Window: return "desktop";
    case DisplayMode::Headless: return "headless";
    }
    return "?";
}

std::optional<DisplayMode> parseDisplayMode(const std::string& text) {
    if (text == "xr") return DisplayMode::Headset;
    if (text == "desktop") return DisplayMode::Window;
    if (text == "headless") return DisplayMode::Headless;
    return std::nullopt;
}

DisplayDecision chooseDisplay(std::optional<DisplayMode> requested, const DisplayProbe& probe) {
    if (requested) return {*requested, concat("--mode ", modeOption(*requested), " was asked for")};
    if (probe.headsetSupportBuilt && probe.headsetUnavailable.empty())
        return {DisplayMode::Headset, "an OpenXR runtime answered and a headset is there"};
    const std::string noHeadset = probe.headsetUnavailable.empty() ? "no headset support" : probe.headsetUnavailable;
    if (probe.screen && probe.windowSupportBuilt)
        return {DisplayMode::Window, concat(noHeadset, "; showing the visit in a window")};
    if (probe.screen)
        return {DisplayMode::Headless, concat(noHeadset, ", and no window support yet: playing the headless tour")};
    return {DisplayMode::Headless,
            concat(noHeadset, ", and no screen (no DISPLAY or WAYLAND_DISPLAY): playing the headless tour")};
}

bool screenAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

} // namespace usine::app
