// OpenXR actions, bindings, hand spaces and haptics.
#include "display/openxr/openxr_input.h"

#include "core/log.h"
#include "core/text.h"
#include "display/openxr/xr_check.h"
#include "display/openxr/xr_struct.h"

#include <algorithm>
#include <cmath>

namespace usine::display::openxr {
namespace {

XrPath toPath(XrInstance instance, const std::string& text) {
    XrPath path = XR_NULL_PATH;
    XR_CHECK(xrStringToPath(instance, text.c_str(), &path));
    return path;
}

XrActionType typeOf(VisitAction action) {
    switch (action) {
    case VisitAction::GripPose:
    case VisitAction::AimPose: return XR_ACTION_TYPE_POSE_INPUT;
    case VisitAction::Select:
    case VisitAction::Menu: return XR_ACTION_TYPE_BOOLEAN_INPUT;
    case VisitAction::Grab:
    case VisitAction::Turn: return XR_ACTION_TYPE_FLOAT_INPUT;
    case VisitAction::Locomotion: return XR_ACTION_TYPE_VECTOR2F_INPUT;
    case VisitAction::Haptic: return XR_ACTION_TYPE_VIBRATION_OUTPUT;
    }
    return XR_ACTION_TYPE_BOOLEAN_INPUT;
}

const char* localizedName(VisitAction action) {
    switch (action) {
    case VisitAction::GripPose: return "Hand";
    case VisitAction::AimPose: return "Pointer";
    case VisitAction::Select: return "Select";
    case VisitAction::Grab: return "Grab";
    case VisitAction::Locomotion: return "Walk";
    case VisitAction::Turn: return "Turn";
    case VisitAction::Menu: return "Menu";
    case VisitAction::Haptic: return "Vibration";
    }
    return "Action";
}

Pose toPose(const XrPosef& pose) {
    return Pose{glm::quat(pose.orientation.w, pose.orientation.x, pose.orientation.y, pose.orientation.z),
                glm::vec3(pose.position.x, pose.position.y, pose.position.z)};
}

} // namespace

OpenXrInput::OpenXrInput(XrInstance instance, XrSession session) : instance_(instance), session_(session) {
    handPaths_[0] = toPath(instance, "/user/hand/left");
    handPaths_[1] = toPath(instance, "/user/hand/right");

    auto setInfo = xrStruct<XrActionSetCreateInfo>(XR_TYPE_ACTION_SET_CREATE_INFO);
    copyName(setInfo.actionSetName, "visit");
    copyName(setInfo.localizedActionSetName, "Visit");
    XR_CHECK(xrCreateActionSet(instance, &setInfo, actionSet_.put()));

    for (int i = 0; i < kVisitActionCount; ++i) {
        const auto which = static_cast<VisitAction>(i);
        auto info = xrStruct<XrActionCreateInfo>(XR_TYPE_ACTION_CREATE_INFO);
        copyName(info.actionName, actionName(which));
        copyName(info.localizedActionName, localizedName(which));
        info.actionType = typeOf(which);
        info.countSubactionPaths = 2;
        info.subactionPaths = handPaths_;
        XR_CHECK(xrCreateAction(actionSet_.get(), &info, &actions_[i]));
    }

    // Suggestions for every profile: the runtime picks the one matching the controllers.
    for (const InteractionProfile& profile : interactionProfiles()) {
        std::vector<XrActionSuggestedBinding> suggested;
        for (const ActionBinding& binding : profile.bindings)
            suggested.push_back({action(binding.action), toPath(instance, binding.path)});
        auto info = xrStruct<XrInteractionProfileSuggestedBinding>(XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING);
        info.interactionProfile = toPath(instance, profile.path);
        info.countSuggestedBindings = static_cast<std::uint32_t>(suggested.size());
        info.suggestedBindings = suggested.data();
        const XrResult result = xrSuggestInteractionProfileBindings(instance, &info);
        // A runtime that does not know a profile refuses it; the others still work.
        if (XR_FAILED(result))
            log::debug(concat("OpenXR runtime refused bindings for ", profile.path, ": ", resultName(result)));
    }

    for (int hand = 0; hand < 2; ++hand) {
        auto spaceInfo = xrStruct<XrActionSpaceCreateInfo>(XR_TYPE_ACTION_SPACE_CREATE_INFO);
        spaceInfo.subactionPath = handPaths_[hand];
        spaceInfo.poseInActionSpace.orientation.w = 1;
        spaceInfo.action = action(VisitAction::GripPose);
        XR_CHECK(xrCreateActionSpace(session, &spaceInfo, gripSpaces_[hand].put()));
        spaceInfo.action = action(VisitAction::AimPose);
        XR_CHECK(xrCreateActionSpace(session, &spaceInfo, aimSpaces_[hand].put()));
    }

    auto attach = xrStruct<XrSessionActionSetsAttachInfo>(XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO);
    attach.countActionSets = 1;
    attach.actionSets = actionSet_.address();
    XR_CHECK(xrAttachSessionActionSets(session, &attach));
}

void OpenXrInput::refreshProfiles() {
    for (int hand = 0; hand < 2; ++hand) {
        auto current = xrStruct<XrInteractionProfileState>(XR_TYPE_INTERACTION_PROFILE_STATE);
        XR_CHECK(xrGetCurrentInteractionProfile(session_, handPaths_[hand], &current));
        profileNames_[hand].clear();
        hasStick_[hand] = true;
        if (current.interactionProfile == XR_NULL_PATH) continue;
        char text[XR_MAX_PATH_LENGTH];
        std::uint32_t length = 0;
        XR_CHECK(xrPathToString(instance_, current.interactionProfile, sizeof text, &length, text));
        for (const InteractionProfile& profile : interactionProfiles()) {
            if (profile.path != text) continue;
            profileNames_[hand] = profile.name;
            hasStick_[hand] = profile.hasStick;
        }
        if (profileNames_[hand].empty()) profileNames_[hand] = text;
    }
}

void OpenXrInput::read(XrSpace space, XrTime time, InputState& out) {
    const XrActiveActionSet active{actionSet_.get(), XR_NULL_PATH};
    auto sync = xrStruct<XrActionsSyncInfo>(XR_TYPE_ACTIONS_SYNC_INFO);
    sync.countActiveActionSets = 1;
    sync.activeActionSets = &active;
    const XrResult synced = xrSyncActions(session_, &sync);
    if (synced == XR_SESSION_NOT_FOCUSED) { // input belongs to another app (a system menu)
        out = InputState{};
        return;
    }
    XR_CHECK(synced);
    // Runtimes pick the controllers' profile at the first sync; some send no event for it.
    if (!profilesKnown_) {
        refreshProfiles();
        profilesKnown_ = true;
    }

    for (int hand = 0; hand < 2; ++hand) {
        HandInput& h = out.hands[hand];
        auto get = xrStruct<XrActionStateGetInfo>(XR_TYPE_ACTION_STATE_GET_INFO);
        get.subactionPath = handPaths_[hand];

        auto boolean = xrStruct<XrActionStateBoolean>(XR_TYPE_ACTION_STATE_BOOLEAN);
        get.action = action(VisitAction::Select);
        XR_CHECK(xrGetActionStateBoolean(session_, &get, &boolean));
        h.select = boolean.isActive && boolean.currentState;
        get.action = action(VisitAction::Menu);
        XR_CHECK(xrGetActionStateBoolean(session_, &get, &boolean));
        h.menu = boolean.isActive && boolean.currentState;

        auto value = xrStruct<XrActionStateFloat>(XR_TYPE_ACTION_STATE_FLOAT);
        get.action = action(VisitAction::Grab);
        XR_CHECK(xrGetActionStateFloat(session_, &get, &value));
        h.grab = value.isActive ? value.currentState : 0.0f;
        get.action = action(VisitAction::Turn);
        XR_CHECK(xrGetActionStateFloat(session_, &get, &value));
        h.turn = value.isActive ? value.currentState : 0.0f;

        auto vector = xrStruct<XrActionStateVector2f>(XR_TYPE_ACTION_STATE_VECTOR2F);
        get.action = action(VisitAction::Locomotion);
        XR_CHECK(xrGetActionStateVector2f(session_, &get, &vector));
        h.stick = vector.isActive ? glm::vec2(vector.currentState.x, vector.currentState.y) : glm::vec2(0);
        h.hasStick = hasStick_[hand];

        auto pose = xrStruct<XrActionStatePose>(XR_TYPE_ACTION_STATE_POSE);
        get.action = action(VisitAction::GripPose);
        XR_CHECK(xrGetActionStatePose(session_, &get, &pose));
        h.tracked = false;
        if (pose.isActive) {
            auto grip = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
            auto aim = xrStruct<XrSpaceLocation>(XR_TYPE_SPACE_LOCATION);
            XR_CHECK(xrLocateSpace(gripSpaces_[hand].get(), space, time, &grip));
            XR_CHECK(xrLocateSpace(aimSpaces_[hand].get(), space, time, &aim));
            constexpr XrSpaceLocationFlags kValid =
                XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
            if ((grip.locationFlags & kValid) == kValid && (aim.locationFlags & kValid) == kValid) {
                h.grip = toPose(grip.pose);
                h.aim = toPose(aim.pose);
                h.tracked = true;
            }
        }
    }
}

void OpenXrInput::vibrate(Hand hand, float amplitude, float seconds) {
    auto info = xrStruct<XrHapticActionInfo>(XR_TYPE_HAPTIC_ACTION_INFO);
    info.action = action(VisitAction::Haptic);
    info.subactionPath = handPaths_[static_cast<int>(hand)];
    auto vibration = xrStruct<XrHapticVibration>(XR_TYPE_HAPTIC_VIBRATION);
    vibration.amplitude = std::clamp(amplitude, 0.0f, 1.0f);
    // 0.02f s is 19999999.55 ns: round, never cut a buzz short.
    vibration.duration = std::llround(double(seconds) * 1e9);
    vibration.frequency = XR_FREQUENCY_UNSPECIFIED;
    XR_CHECK(xrApplyHapticFeedback(session_, &info, reinterpret_cast<const XrHapticBaseHeader*>(&vibration)));
}

} // namespace usine::display::openxr
