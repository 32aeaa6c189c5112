// Action entry points: action sets and actions (names checked as the specification
// says), suggested bindings checked against the profiles' component lists, attaching
// action sets to a session, and the current interaction profile.
#include "api_guard.h"
#include "function_table.h"
#include "interaction_profiles.h"
#include "object_registry.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

bool isWellFormedName(const char* name, std::size_t capacity) {
    const std::size_t length = strnlen(name, capacity);
    if (length == 0 || length >= capacity) return false;
    return std::all_of(name, name + length, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

bool isTopLevelUserPath(const std::string& path) {
    return path == "/user/hand/left" || path == "/user/hand/right" || path == "/user/head" || path == "/user/gamepad" ||
           path == "/user/treadmill";
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateActionSet(XrInstance handle, const XrActionSetCreateInfo* info,
                                                 XrActionSet* out) {
    return guarded("xrCreateActionSet", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_ACTION_SET_CREATE_INFO) || !out)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateActionSet: bad create info");
        if (!isWellFormedName(info->actionSetName, XR_MAX_ACTION_SET_NAME_SIZE))
            return misuse(XR_ERROR_NAME_INVALID, "xrCreateActionSet: malformed name");
        if (strnlen(info->localizedActionSetName, XR_MAX_LOCALIZED_ACTION_SET_NAME_SIZE) == 0)
            return misuse(XR_ERROR_LOCALIZED_NAME_INVALID, "xrCreateActionSet: empty localized name");
        for (const ActionSet* other : instance->actionSets) {
            if (other->name == info->actionSetName)
                return misuse(XR_ERROR_NAME_DUPLICATED, std::string("xrCreateActionSet: '") + info->actionSetName + "' exists");
            if (other->localizedName == info->localizedActionSetName)
                return misuse(XR_ERROR_LOCALIZED_NAME_DUPLICATED, "xrCreateActionSet: localized name exists");
        }
        auto set = std::make_unique<ActionSet>();
        set->id = objects().newId();
        set->instance = instance;
        set->name = info->actionSetName;
        set->localizedName = info->localizedActionSetName;
        set->priority = info->priority;
        ActionSet* added = objects().actionSets.add(std::move(set));
        ++currentRun().report.actionSetsCreated;
        instance->actionSets.push_back(added);
        *out = toHandle<XrActionSet>(added->id);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrDestroyActionSet(XrActionSet handle) {
    return guarded("xrDestroyActionSet", [&]() -> XrResult {
        ActionSet* set = objects().actionSets.find(handle);
        if (!set) return XR_ERROR_HANDLE_INVALID;
        destroyActionSet(set);
        ++currentRun().report.actionSetsDestroyed;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateAction(XrActionSet handle, const XrActionCreateInfo* info, XrAction* out) {
    return guarded("xrCreateAction", [&]() -> XrResult {
        ActionSet* set = nullptr;
        if (const XrResult result = findActionSet(handle, set); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_ACTION_CREATE_INFO) || !out ||
            (info->countSubactionPaths > 0 && !info->subactionPaths))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateAction: bad create info");
        if (set->attached)
            return misuse(XR_ERROR_ACTIONSETS_ALREADY_ATTACHED, "xrCreateAction: set '" + set->name + "' is attached");
        if (!isWellFormedName(info->actionName, XR_MAX_ACTION_NAME_SIZE))
            return misuse(XR_ERROR_NAME_INVALID, "xrCreateAction: malformed name");
        if (strnlen(info->localizedActionName, XR_MAX_LOCALIZED_ACTION_NAME_SIZE) == 0)
            return misuse(XR_ERROR_LOCALIZED_NAME_INVALID, "xrCreateAction: empty localized name");
        switch (info->actionType) {
        case XR_ACTION_TYPE_BOOLEAN_INPUT:
        case XR_ACTION_TYPE_FLOAT_INPUT:
        case XR_ACTION_TYPE_VECTOR2F_INPUT:
        case XR_ACTION_TYPE_POSE_INPUT:
        case XR_ACTION_TYPE_VIBRATION_OUTPUT: break;
        default: return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateAction: unknown action type");
        }
        for (const Action* other : set->actions) {
            if (other->name == info->actionName)
                return misuse(XR_ERROR_NAME_DUPLICATED, std::string("xrCreateAction: '") + info->actionName + "' exists");
            if (other->localizedName == info->localizedActionName)
                return misuse(XR_ERROR_LOCALIZED_NAME_DUPLICATED, "xrCreateAction: localized name exists");
        }
        std::vector<XrPath> subactionPaths;
        for (std::uint32_t i = 0; i < info->countSubactionPaths; ++i) {
            const XrPath path = info->subactionPaths[i];
            const auto text = set->instance->paths.text(path);
            if (!text) return misuse(XR_ERROR_PATH_INVALID, "xrCreateAction: unknown subaction path");
            if (!isTopLevelUserPath(*text) ||
                std::find(subactionPaths.begin(), subactionPaths.end(), path) != subactionPaths.end())
                return misuse(XR_ERROR_PATH_UNSUPPORTED, "xrCreateAction: subaction path " + *text +
                                                             " is not a top level user path, or repeated");
            subactionPaths.push_back(path);
        }
        auto action = std::make_unique<Action>();
        action->id = objects().newId();
        action->set = set;
        action->name = info->actionName;
        action->localizedName = info->localizedActionName;
        action->type = info->actionType;
        action->subactionPaths = std::move(subactionPaths);
        Action* added = objects().actions.add(std::move(action));
        set->actions.push_back(added);
        *out = toHandle<XrAction>(added->id);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrDestroyAction(XrAction handle) {
    return guarded("xrDestroyAction", [&]() -> XrResult {
        Action* action = objects().actions.find(handle);
        if (!action) return XR_ERROR_HANDLE_INVALID;
        destroyAction(action);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrSuggestInteractionProfileBindings(XrInstance handle,
                                                                   const XrInteractionProfileSuggestedBinding* info) {
    return guarded("xrSuggestInteractionProfileBindings", [&]() -> XrResult {
        Instance* instance = nullptr;
        if (const XrResult result = findInstance(handle, instance); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING) || info->countSuggestedBindings == 0 ||
            !info->suggestedBindings)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrSuggestInteractionProfileBindings: bad suggestion");
        const auto profilePath = instance->paths.text(info->interactionProfile);
        if (!profilePath) return misuse(XR_ERROR_PATH_INVALID, "xrSuggestInteractionProfileBindings: unknown path");
        const InteractionProfile* profile = findProfile(*profilePath);
        if (!profile) return XR_ERROR_PATH_UNSUPPORTED; // a profile this runtime does not know: not a mistake
        std::vector<SuggestedBinding> bindings;
        for (std::uint32_t i = 0; i < info->countSuggestedBindings; ++i) {
            const XrActionSuggestedBinding& suggested = info->suggestedBindings[i];
            Action* action = nullptr;
            if (const XrResult result = findAction(suggested.action, action); XR_FAILED(result)) return result;
            if (action->set->instance != instance)
                return misuse(XR_ERROR_VALIDATION_FAILURE, "xrSuggestInteractionProfileBindings: action of another instance");
            if (action->set->attached)
                return misuse(XR_ERROR_ACTIONSETS_ALREADY_ATTACHED,
                              "xrSuggestInteractionProfileBindings: '" + action->name + "' is in an attached set");
            const auto path = instance->paths.text(suggested.binding);
            if (!path) return misuse(XR_ERROR_PATH_INVALID, "xrSuggestInteractionProfileBindings: unknown binding path");
            if (!profileHasPath(*profile, *path))
                return misuse(XR_ERROR_PATH_UNSUPPORTED,
                              "xrSuggestInteractionProfileBindings: " + *profilePath + " has no " + *path);
            bindings.push_back(SuggestedBinding{action->id, *path});
        }
        instance->suggestedBindings[*profilePath] = std::move(bindings); // replaces earlier suggestions
        return XR_SUCCESS;
    });
}

AttachedAction attach(const Action& action, const Instance& instance) {
    AttachedAction attached;
    attached.id = action.id;
    attached.setId = action.set->id;
    attached.type = action.type;
    attached.name = action.name;
    attached.subactionPaths = action.subactionPaths;
    for (XrPath path : action.subactionPaths)
        if (const auto hand = handOfPath(*instance.paths.text(path))) attached.handOfSubaction[path] = *hand;
    for (const auto& [profilePath, bindings] : instance.suggestedBindings) {
        const InteractionProfile& profile = *findProfile(profilePath);
        for (const SuggestedBinding& binding : bindings) {
            if (binding.actionId != action.id) continue;
            const auto source = resolveBinding(profile, binding.path, action.type);
            if (source) attached.sources[profilePath].push_back(*source);
        }
    }
    attached.values[XR_NULL_PATH] = {};
    for (XrPath path : action.subactionPaths) attached.values[path] = {};
    return attached;
}

XRAPI_ATTR XrResult XRAPI_CALL xrAttachSessionActionSets(XrSession handle, const XrSessionActionSetsAttachInfo* info) {
    return guarded("xrAttachSessionActionSets", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO) || info->countActionSets == 0 || !info->actionSets)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrAttachSessionActionSets: bad attach info");
        if (session->input.attached)
            return misuse(XR_ERROR_ACTIONSETS_ALREADY_ATTACHED, "xrAttachSessionActionSets: called a second time");
        std::vector<ActionSet*> sets;
        for (std::uint32_t i = 0; i < info->countActionSets; ++i) {
            ActionSet* set = nullptr;
            if (const XrResult result = findActionSet(info->actionSets[i], set); XR_FAILED(result)) return result;
            if (set->instance != session->instance)
                return misuse(XR_ERROR_VALIDATION_FAILURE, "xrAttachSessionActionSets: set of another instance");
            sets.push_back(set);
        }
        const Instance& instance = *session->instance;
        SessionInput& input = session->input;
        input.attached = true;
        const std::string& scriptProfile = currentRun().script.profile;
        const auto suggestions = instance.suggestedBindings.find(scriptProfile);
        for (ActionSet* set : sets) {
            set->attached = true;
            input.attachedSets.push_back(set->id);
            for (const Action* action : set->actions) {
                input.actions[action->id] = attach(*action, instance);
                if (suggestions != instance.suggestedBindings.end())
                    for (const SuggestedBinding& binding : suggestions->second)
                        input.scriptProfileSuggested |= binding.actionId == action->id;
            }
        }
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetCurrentInteractionProfile(XrSession handle, XrPath topLevelUserPath,
                                                              XrInteractionProfileState* state) {
    return guarded("xrGetCurrentInteractionProfile", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(state, XR_TYPE_INTERACTION_PROFILE_STATE))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetCurrentInteractionProfile: bad state struct");
        if (!session->input.attached)
            return misuse(XR_ERROR_ACTIONSET_NOT_ATTACHED, "xrGetCurrentInteractionProfile: no action set attached yet");
        const auto path = session->instance->paths.text(topLevelUserPath);
        if (!path) return misuse(XR_ERROR_PATH_INVALID, "xrGetCurrentInteractionProfile: unknown path");
        if (!isTopLevelUserPath(*path))
            return misuse(XR_ERROR_PATH_UNSUPPORTED, "xrGetCurrentInteractionProfile: " + *path + " is not a top level user path");
        const std::string& profile = session->input.currentProfile;
        state->interactionProfile =
            handOfPath(*path) && !profile.empty() ? session->instance->paths.intern(profile) : XR_NULL_PATH;
        return XR_SUCCESS;
    });
}

} // namespace

std::vector<RuntimeFunction> actionFunctions() {
    return {
        {"xrCreateActionSet", asVoidFunction(&xrCreateActionSet)},
        {"xrDestroyActionSet", asVoidFunction(&xrDestroyActionSet)},
        {"xrCreateAction", asVoidFunction(&xrCreateAction)},
        {"xrDestroyAction", asVoidFunction(&xrDestroyAction)},
        {"xrSuggestInteractionProfileBindings", asVoidFunction(&xrSuggestInteractionProfileBindings)},
        {"xrAttachSessionActionSets", asVoidFunction(&xrAttachSessionActionSets)},
        {"xrGetCurrentInteractionProfile", asVoidFunction(&xrGetCurrentInteractionProfile)},
    };
}

} // namespace usine::test_runtime
