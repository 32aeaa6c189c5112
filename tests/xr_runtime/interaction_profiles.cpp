// Component tables of the OpenXR 1.0 interaction profiles, and binding resolution.
#include "interaction_profiles.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

using Components = std::vector<std::string>;

Components joined(Components a, const Components& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

InteractionProfile sameOnBothHands(std::string path, std::string name, const Components& components) {
    return InteractionProfile{std::move(path), std::move(name), {components, components}};
}

std::vector<InteractionProfile> makeProfiles() {
    const Components touchBoth = {"/input/squeeze/value",   "/input/trigger/value",    "/input/trigger/touch",
                                  "/input/thumbstick/x",    "/input/thumbstick/y",     "/input/thumbstick/click",
                                  "/input/thumbstick/touch", "/input/thumbrest/touch", "/input/grip/pose",
                                  "/input/aim/pose",        "/output/haptic"};
    const Components touchLeft = {"/input/x/click", "/input/x/touch", "/input/y/click", "/input/y/touch",
                                  "/input/menu/click"};
    const Components touchRight = {"/input/a/click", "/input/a/touch", "/input/b/click", "/input/b/touch",
                                   "/input/system/click"};
    return {
        sameOnBothHands("/interaction_profiles/khr/simple_controller", "Simple Controller",
                        {"/input/select/click", "/input/menu/click", "/input/grip/pose", "/input/aim/pose",
                         "/output/haptic"}),
        InteractionProfile{"/interaction_profiles/oculus/touch_controller",
                           "Oculus Touch Controller",
                           {joined(touchLeft, touchBoth), joined(touchRight, touchBoth)}},
        sameOnBothHands("/interaction_profiles/valve/index_controller", "Index Controller",
                        {"/input/system/click", "/input/system/touch", "/input/a/click", "/input/a/touch",
                         "/input/b/click", "/input/b/touch", "/input/squeeze/value", "/input/squeeze/force",
                         "/input/trigger/click", "/input/trigger/value", "/input/trigger/touch",
                         "/input/thumbstick/x", "/input/thumbstick/y", "/input/thumbstick/click",
                         "/input/thumbstick/touch", "/input/trackpad/x", "/input/trackpad/y",
                         "/input/trackpad/force", "/input/trackpad/touch", "/input/grip/pose", "/input/aim/pose",
                         "/output/haptic"}),
        sameOnBothHands("/interaction_profiles/htc/vive_controller", "Vive Controller",
                        {"/input/system/click", "/input/squeeze/click", "/input/menu/click", "/input/trigger/click",
                         "/input/trigger/value", "/input/trackpad/x", "/input/trackpad/y", "/input/trackpad/click",
                         "/input/trackpad/touch", "/input/grip/pose", "/input/aim/pose", "/output/haptic"}),
        sameOnBothHands("/interaction_profiles/microsoft/motion_controller", "Mixed Reality Controller",
                        {"/input/menu/click", "/input/squeeze/click", "/input/trigger/value", "/input/thumbstick/x",
                         "/input/thumbstick/y", "/input/thumbstick/click", "/input/trackpad/x", "/input/trackpad/y",
                         "/input/trackpad/click", "/input/trackpad/touch", "/input/grip/pose", "/input/aim/pose",
                         "/output/haptic"}),
    };
}

constexpr std::string_view kHandPaths[2] = {"/user/hand/left", "/user/hand/right"};

struct SplitPath {
    Hand hand;
    std::string_view rest; // "/input/trigger/value"
};

std::optional<SplitPath> splitHand(std::string_view path) {
    for (Hand hand : {kLeft, kRight}) {
        const std::string_view prefix = kHandPaths[hand];
        if (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix && path[prefix.size()] == '/')
            return SplitPath{hand, path.substr(prefix.size())};
    }
    return std::nullopt;
}

bool hasComponent(const InteractionProfile& profile, Hand hand, std::string_view component) {
    const Components& list = profile.components[hand];
    return std::find(list.begin(), list.end(), component) != list.end();
}

// "/input/trigger" is an identifier when some component lies under it; "/input" alone
// is not (identifiers are exactly two levels below the hand).
bool isIdentifier(const InteractionProfile& profile, Hand hand, std::string_view path) {
    if (std::count(path.begin(), path.end(), '/') != 2) return false;
    for (const std::string& component : profile.components[hand])
        if (component.size() > path.size() && std::string_view(component).substr(0, path.size()) == path &&
            component[path.size()] == '/')
            return true;
    return false;
}

ComponentKind kindOfComponent(std::string_view component) {
    const std::string_view last = component.substr(component.rfind('/') + 1);
    if (last == "click") return ComponentKind::Click;
    if (last == "touch") return ComponentKind::Touch;
    if (last == "value") return ComponentKind::Value;
    if (last == "force") return ComponentKind::Force;
    if (last == "x" || last == "y") return ComponentKind::Axis;
    if (last == "pose") return ComponentKind::Pose;
    return ComponentKind::Haptic; // "/output/haptic"
}

bool actionReads(XrActionType type, ComponentKind kind) {
    switch (type) {
    case XR_ACTION_TYPE_BOOLEAN_INPUT:
    case XR_ACTION_TYPE_FLOAT_INPUT:
        return kind == ComponentKind::Click || kind == ComponentKind::Touch || kind == ComponentKind::Value ||
               kind == ComponentKind::Force || kind == ComponentKind::Axis;
    case XR_ACTION_TYPE_VECTOR2F_INPUT: return kind == ComponentKind::Vector2;
    case XR_ACTION_TYPE_POSE_INPUT: return kind == ComponentKind::Pose;
    case XR_ACTION_TYPE_VIBRATION_OUTPUT: return kind == ComponentKind::Haptic;
    default: return false;
    }
}

} // namespace

const std::vector<InteractionProfile>& interactionProfiles() {
    static const std::vector<InteractionProfile> profiles = makeProfiles();
    return profiles;
}

const InteractionProfile* findProfile(std::string_view path) {
    for (const InteractionProfile& profile : interactionProfiles())
        if (profile.path == path) return &profile;
    return nullptr;
}

std::optional<Hand> handOfPath(std::string_view path) {
    for (Hand hand : {kLeft, kRight})
        if (path == kHandPaths[hand]) return hand;
    return std::nullopt;
}

bool profileHasPath(const InteractionProfile& profile, std::string_view bindingPath) {
    const auto split = splitHand(bindingPath);
    if (!split) return false;
    return hasComponent(profile, split->hand, split->rest) || isIdentifier(profile, split->hand, split->rest);
}

std::optional<BoundSource> resolveBinding(const InteractionProfile& profile, std::string_view bindingPath,
                                          XrActionType type) {
    const auto split = splitHand(bindingPath);
    if (!split) return std::nullopt;
    const std::string handPath(kHandPaths[split->hand]);
    if (hasComponent(profile, split->hand, split->rest)) {
        const ComponentKind kind = kindOfComponent(split->rest);
        if (!actionReads(type, kind)) return std::nullopt;
        return BoundSource{std::string(bindingPath), split->hand, kind};
    }
    if (!isIdentifier(profile, split->hand, split->rest)) return std::nullopt;

    const std::string identifier(split->rest);
    const bool twoAxes = hasComponent(profile, split->hand, identifier + "/x") &&
                         hasComponent(profile, split->hand, identifier + "/y");
    if (type == XR_ACTION_TYPE_VECTOR2F_INPUT)
        return twoAxes ? std::optional(BoundSource{std::string(bindingPath), split->hand, ComponentKind::Vector2})
                       : std::nullopt;
    std::vector<const char*> preference;
    switch (type) {
    case XR_ACTION_TYPE_BOOLEAN_INPUT: preference = {"/click", "/value", "/force", "/touch"}; break;
    case XR_ACTION_TYPE_FLOAT_INPUT: preference = {"/value", "/force", "/click", "/touch"}; break;
    case XR_ACTION_TYPE_POSE_INPUT: preference = {"/pose"}; break;
    default: break;
    }
    for (const char* component : preference)
        if (hasComponent(profile, split->hand, identifier + component))
            return BoundSource{handPath + identifier + component, split->hand, kindOfComponent(component)};
    return std::nullopt;
}

} // namespace usine::test_runtime
