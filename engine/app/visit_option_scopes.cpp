// The scope table of `usine visit` options (see visit_option_scopes.h).
#include "app/visit_option_scopes.h"

#include "core/error.h"
#include "core/text.h"

namespace usine::app {
namespace {

constexpr int kHeadset = 1 << static_cast<int>(DisplayMode::Headset);
constexpr int kWindow = 1 << static_cast<int>(DisplayMode::Window);
constexpr int kHeadless = 1 << static_cast<int>(DisplayMode::Headless);

struct OptionScope {
    const char* option;
    int modes;       // where it means something
    const char* why; // where it does not, in the user's words
};

// Options missing here mean something everywhere (--frames, --samples, --passes, the
// visitor's height and hand, --mode itself).
constexpr OptionScope kScopes[] = {
    {"--tour", kHeadless, "only a headless visit plays a tour script"},
    {"--out", kHeadless, "only a headless visit writes pictures"},
    {"--camera", kHeadless, "a headset or a window visitor decides where they look"},
    {"--look", kHeadless, "a headset or a window visitor decides where they look"},
    {"--fov", kHeadless, "the headset or the window sets the field of view"},
    {"--eye-distance", kHeadless, "a headset measures the visitor's own eyes; a window shows one eye"},
    {"--spectator", kHeadset, "the spectator window mirrors a headset"},
    {"--start", kHeadset | kWindow, "a headless tour's script places the head (see --tour, --camera)"},
    {"--size", kHeadless | kWindow, "the headset sets its own picture size"},
    {"--gpu", kHeadless | kWindow, "with a headset, the OpenXR runtime picks the GPU the headset is on"},
};

int bit(DisplayMode mode) { return 1 << static_cast<int>(mode); }

} // namespace

void refuseOptionsOutOfScope(const Arguments& arguments, std::optional<DisplayMode> requested) {
    if (!requested) return;
    if (arguments.has("--headset-wait"))
        throw UserError(concat("--headset-wait means something only without --mode (with --mode ", modeOption(*requested),
                               " the visit ", *requested == DisplayMode::Headset ? "waits as long as needed" : "uses no headset",
                               ")"));
    for (const OptionScope& scope : kScopes)
        if (arguments.has(scope.option) && !(scope.modes & bit(*requested)))
            throw UserError(concat(scope.option, " means nothing with --mode ", modeOption(*requested), ": ", scope.why));
}

std::vector<std::string> optionsUnusedOn(const Arguments& arguments, DisplayMode chosen) {
    std::vector<std::string> unused;
    for (const OptionScope& scope : kScopes)
        if (arguments.has(scope.option) && !(scope.modes & bit(chosen))) unused.push_back(concat(scope.option, ": ", scope.why));
    return unused;
}

} // namespace usine::app
