// Which controller input drives which action of the visit, for each interaction profile
// we suggest bindings for. Data, in one table: the input tests drive every profile of it,
// and the README's controls table is written from it (change both together).
#pragma once

#include <string>
#include <vector>

namespace usine::display::openxr {

// The visit's actions (one action set, subaction paths /user/hand/left and right).
enum class VisitAction { GripPose, AimPose, Select, Grab, Locomotion, Turn, Menu, Haptic };
constexpr int kVisitActionCount = 8;
const char* actionName(VisitAction action);

struct ActionBinding {
    VisitAction action;
    std::string path; // e.g. "/user/hand/left/input/thumbstick"
};

struct InteractionProfile {
    std::string path;       // e.g. "/interaction_profiles/oculus/touch_controller"
    std::string name;       // for people: "Meta Touch"
    bool hasStick;          // stick or trackpad to walk with
    std::vector<ActionBinding> bindings;
};

const std::vector<InteractionProfile>& interactionProfiles();

} // namespace usine::display::openxr
