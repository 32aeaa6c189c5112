// The five controller profiles the runtime knows, with the input and output
// components the OpenXR 1.0 specification lists for each, and how a suggested binding
// path becomes the component an action of a given type reads.
#pragma once

#include "script.h"
#include "xr_headers.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usine::test_runtime {

struct InteractionProfile {
    std::string path;        // "/interaction_profiles/oculus/touch_controller"
    std::string displayName; // for xrGetInputSourceLocalizedName
    // Components under each hand, e.g. "/input/trigger/value".
    std::vector<std::string> components[2];
};

const std::vector<InteractionProfile>& interactionProfiles();
const InteractionProfile* findProfile(std::string_view path);

// What kind of value a component carries; decides how an action reads it.
enum class ComponentKind { Click, Touch, Value, Force, Axis, Vector2, Pose, Haptic };

struct BoundSource {
    std::string path; // the full component path, "/user/hand/right/input/trigger/value"
    Hand hand = kLeft;
    ComponentKind kind = ComponentKind::Click;
};

// Whether the profile has this binding path: a component, or an identifier such as
// "/user/hand/left/input/trigger" that has components.
bool profileHasPath(const InteractionProfile& profile, std::string_view bindingPath);

// The component an action of `type` reads through `bindingPath`, or none when that
// action type cannot use it (a pose action bound to a button is ignored, as the
// specification allows). An identifier resolves to the component that suits the type:
// click before value for booleans, value before click for floats.
std::optional<BoundSource> resolveBinding(const InteractionProfile& profile, std::string_view bindingPath,
                                          XrActionType type);

// "/user/hand/left" -> kLeft; none for any other top-level path.
std::optional<Hand> handOfPath(std::string_view path);

} // namespace usine::test_runtime
