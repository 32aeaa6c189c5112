// The visit's controls through the OpenXR action system: one action set, the actions
// of interaction_profiles.h suggested for every profile, hand spaces for the poses,
// and haptics. Made per session (action sets attach to one session).
#pragma once

#include "core/input_state.h"
#include "display/openxr/interaction_profiles.h"
#include "display/openxr/openxr_headers.h"
#include "display/openxr/xr_owned.h"

#include <array>
#include <string>

namespace usine::display::openxr {

class OpenXrInput {
public:
    OpenXrInput(XrInstance instance, XrSession session);
    OpenXrInput(const OpenXrInput&) = delete;
    OpenXrInput& operator=(const OpenXrInput&) = delete;

    // Syncs the actions and reads both hands, poses located in `space` at `time`.
    void read(XrSpace space, XrTime time, InputState& out);
    // After XrEventDataInteractionProfileChanged: which controllers are in the hands now.
    void refreshProfiles();
    std::string profileName(Hand hand) const { return profileNames_[static_cast<int>(hand)]; }

    void vibrate(Hand hand, float amplitude, float seconds);

private:
    XrAction action(VisitAction which) const { return actions_[static_cast<int>(which)]; }

    XrInstance instance_;
    XrSession session_;
    // Owned, so a failure half-way through the constructor frees what was made. The
    // spaces, declared after the set, go first.
    OwnedXrActionSet actionSet_;
    std::array<XrAction, kVisitActionCount> actions_{}; // destroyed with their set
    XrPath handPaths_[2]{};
    OwnedXrSpace gripSpaces_[2];
    OwnedXrSpace aimSpaces_[2];
    bool hasStick_[2] = {true, true};
    bool profilesKnown_ = false; // read once after the first sync, whatever events say
    std::string profileNames_[2];
};

} // namespace usine::display::openxr
