// Suggested bindings for the five profiles, as the OpenXR 1.0 specification lists
// their components. Choices: select is the trigger, grab the squeeze, walking the
// stick (or trackpad) of either hand, turning its x axis; menu is the menu button, or
// the upper face button where a controller has none. The simple controller has no
// stick: the visit walks while select is held on the non-dominant hand.
#include "display/openxr/interaction_profiles.h"

namespace usine::display::openxr {
namespace {

using A = VisitAction;

// Bindings both hands share: each entry is given for left and right.
std::vector<ActionBinding> bothHands(const std::vector<std::pair<A, std::string>>& components) {
    std::vector<ActionBinding> bindings;
    for (const char* hand : {"/user/hand/left", "/user/hand/right"})
        for (const auto& [action, component] : components) bindings.push_back({action, std::string(hand) + component});
    return bindings;
}

std::vector<ActionBinding> plus(std::vector<ActionBinding> bindings, std::vector<ActionBinding> more) {
    bindings.insert(bindings.end(), more.begin(), more.end());
    return bindings;
}

} // namespace

const char* actionName(VisitAction action) {
    switch (action) {
    case A::GripPose: return "grip_pose";
    case A::AimPose: return "aim_pose";
    case A::Select: return "select";
    case A::Grab: return "grab";
    case A::Locomotion: return "locomotion";
    case A::Turn: return "turn";
    case A::Menu: return "menu";
    case A::Haptic: return "haptic";
    }
    return "action";
}

const std::vector<InteractionProfile>& interactionProfiles() {
    static const std::vector<InteractionProfile> profiles = {
        {"/interaction_profiles/khr/simple_controller", "Khronos simple controller", false,
         bothHands({{A::GripPose, "/input/grip/pose"},
                    {A::AimPose, "/input/aim/pose"},
                    {A::Select, "/input/select/click"},
                    {A::Grab, "/input/select/click"},
                    {A::Menu, "/input/menu/click"},
                    {A::Haptic, "/output/haptic"}})},
        {"/interaction_profiles/oculus/touch_controller", "Meta (Oculus) Touch", true,
         plus(bothHands({{A::GripPose, "/input/grip/pose"},
                         {A::AimPose, "/input/aim/pose"},
                         {A::Select, "/input/trigger/value"},
                         {A::Grab, "/input/squeeze/value"},
                         {A::Locomotion, "/input/thumbstick"},
                         {A::Turn, "/input/thumbstick/x"},
                         {A::Haptic, "/output/haptic"}}),
              {{A::Menu, "/user/hand/left/input/menu/click"}, {A::Menu, "/user/hand/right/input/b/click"}})},
        {"/interaction_profiles/valve/index_controller", "Valve Index", true,
         bothHands({{A::GripPose, "/input/grip/pose"},
                    {A::AimPose, "/input/aim/pose"},
                    {A::Select, "/input/trigger/click"},
                    {A::Grab, "/input/squeeze/value"},
                    {A::Locomotion, "/input/thumbstick"},
                    {A::Turn, "/input/thumbstick/x"},
                    {A::Menu, "/input/b/click"},
                    {A::Haptic, "/output/haptic"}})},
        {"/interaction_profiles/htc/vive_controller", "HTC Vive", true,
         bothHands({{A::GripPose, "/input/grip/pose"},
                    {A::AimPose, "/input/aim/pose"},
                    {A::Select, "/input/trigger/click"},
                    {A::Grab, "/input/squeeze/click"},
                    {A::Locomotion, "/input/trackpad"},
                    {A::Turn, "/input/trackpad/x"},
                    {A::Menu, "/input/menu/click"},
                    {A::Haptic, "/output/haptic"}})},
        {"/interaction_profiles/microsoft/motion_controller", "Windows Mixed Reality", true,
         bothHands({{A::GripPose, "/input/grip/pose"},
                    {A::AimPose, "/input/aim/pose"},
                    {A::Select, "/input/trigger/value"},
                    {A::Grab, "/input/squeeze/click"},
                    {A::Locomotion, "/input/thumbstick"},
                    {A::Turn, "/input/thumbstick/x"},
                    {A::Menu, "/input/menu/click"},
                    {A::Haptic, "/output/haptic"}})},
    };
    return profiles;
}

} // namespace usine::display::openxr
