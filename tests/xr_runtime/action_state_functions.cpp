// Input entry points: xrSyncActions (which also makes the script's interaction profile
// current the first time), action states, haptics (recorded in the report), bound
// sources and their names.
#include "action_evaluation.h"
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"
#include "xr_struct.h"

#include <algorithm>
#include <sstream>

namespace usine::test_runtime {
namespace {

void makeScriptProfileCurrent(Session& session) {
    SessionInput& input = session.input;
    if (!input.currentProfile.empty() || !input.scriptProfileSuggested) return;
    input.currentProfile = currentRun().script.profile;
    currentRun().report.profile = input.currentProfile;
    auto event = xrStruct<XrEventDataInteractionProfileChanged>(XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED);
    event.session = session.handle();
    session.instance->events.push(event);
}

XRAPI_ATTR XrResult XRAPI_CALL xrSyncActions(XrSession handle, const XrActionsSyncInfo* info) {
    return guarded("xrSyncActions", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_ACTIONS_SYNC_INFO) || (info->countActiveActionSets > 0 && !info->activeActionSets))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrSyncActions: bad sync info");
        SessionInput& input = session->input;
        if (!input.attached) return misuse(XR_ERROR_ACTIONSET_NOT_ATTACHED, "xrSyncActions: no action set attached");
        std::map<std::uint64_t, std::vector<Hand>> active;
        for (std::uint32_t i = 0; i < info->countActiveActionSets; ++i) {
            const XrActiveActionSet& entry = info->activeActionSets[i];
            ActionSet* set = nullptr;
            if (const XrResult result = findActionSet(entry.actionSet, set); XR_FAILED(result)) return result;
            if (std::find(input.attachedSets.begin(), input.attachedSets.end(), set->id) == input.attachedSets.end())
                return misuse(XR_ERROR_ACTIONSET_NOT_ATTACHED, "xrSyncActions: '" + set->name + "' is not attached");
            auto& hands = active[set->id];
            if (entry.subactionPath == XR_NULL_PATH) {
                hands = {kLeft, kRight};
                continue;
            }
            const auto path = session->instance->paths.text(entry.subactionPath);
            if (!path) return misuse(XR_ERROR_PATH_INVALID, "xrSyncActions: unknown subaction path");
            if (const auto hand = handOfPath(*path)) hands.push_back(*hand);
        }
        makeScriptProfileCurrent(*session);
        const bool focused = session->state == XR_SESSION_STATE_FOCUSED;
        input.focusedAtLastSync = focused;
        input.activeSets = focused ? active : std::map<std::uint64_t, std::vector<Hand>>{};

        const TestRun& run = currentRun();
        const std::int64_t frame = session->frame.waitedFrame >= 0 ? session->frame.waitedFrame : run.nextFrame;
        const XrTime time = run.displayTimeOf(frame);
        for (auto& [id, action] : input.actions) {
            for (auto& [filter, value] : action.values) {
                ActionStateValue now = evaluateAction(*session, action, filter, frame);
                now.changed = now.isActive && value.isActive && (now.x != value.x || now.y != value.y);
                now.lastChangeTime = now.changed || (now.isActive && !value.isActive) ? time : value.lastChangeTime;
                value = now;
            }
        }
        return focused ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
    });
}

// The last synced state of the action `info` names, after the checks every
// xrGetActionState* call shares.
XrResult syncedState(Session& session, const XrActionStateGetInfo* info, XrActionType type, const char* function,
                     const ActionStateValue*& value) {
    if (!hasType(info, XR_TYPE_ACTION_STATE_GET_INFO))
        return misuse(XR_ERROR_VALIDATION_FAILURE, std::string(function) + ": bad get info");
    Action* action = nullptr;
    if (const XrResult result = findAction(info->action, action); XR_FAILED(result)) return result;
    const auto attached = session.input.actions.find(action->id);
    if (attached == session.input.actions.end())
        return misuse(XR_ERROR_ACTIONSET_NOT_ATTACHED,
                      std::string(function) + ": the set of '" + action->name + "' is not attached");
    if (action->type != type)
        return misuse(XR_ERROR_ACTION_TYPE_MISMATCH, std::string(function) + ": '" + action->name + "' has another type");
    const auto found = attached->second.values.find(info->subactionPath);
    if (found == attached->second.values.end())
        return misuse(XR_ERROR_PATH_UNSUPPORTED,
                      std::string(function) + ": subaction path not declared by '" + action->name + "'");
    value = &found->second;
    return XR_SUCCESS;
}

template <typename State, typename Fill>
XrResult actionState(XrSession handle, const XrActionStateGetInfo* info, State* state, XrStructureType stateType,
                     XrActionType actionType, const char* function, Fill fill) {
    Session* session = nullptr;
    if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
    if (!hasType(state, stateType)) return misuse(XR_ERROR_VALIDATION_FAILURE, std::string(function) + ": bad state struct");
    const ActionStateValue* value = nullptr;
    if (const XrResult result = syncedState(*session, info, actionType, function, value); XR_FAILED(result))
        return result;
    state->isActive = value->isActive ? XR_TRUE : XR_FALSE;
    fill(*value, *state);
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetActionStateBoolean(XrSession handle, const XrActionStateGetInfo* info,
                                                       XrActionStateBoolean* state) {
    return guarded("xrGetActionStateBoolean", [&] {
        return actionState(handle, info, state, XR_TYPE_ACTION_STATE_BOOLEAN, XR_ACTION_TYPE_BOOLEAN_INPUT,
                           "xrGetActionStateBoolean", [](const ActionStateValue& v, XrActionStateBoolean& s) {
                               s.currentState = v.x != 0 ? XR_TRUE : XR_FALSE;
                               s.changedSinceLastSync = v.changed ? XR_TRUE : XR_FALSE;
                               s.lastChangeTime = v.lastChangeTime;
                           });
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetActionStateFloat(XrSession handle, const XrActionStateGetInfo* info,
                                                     XrActionStateFloat* state) {
    return guarded("xrGetActionStateFloat", [&] {
        return actionState(handle, info, state, XR_TYPE_ACTION_STATE_FLOAT, XR_ACTION_TYPE_FLOAT_INPUT,
                           "xrGetActionStateFloat", [](const ActionStateValue& v, XrActionStateFloat& s) {
                               s.currentState = v.x;
                               s.changedSinceLastSync = v.changed ? XR_TRUE : XR_FALSE;
                               s.lastChangeTime = v.lastChangeTime;
                           });
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetActionStateVector2f(XrSession handle, const XrActionStateGetInfo* info,
                                                        XrActionStateVector2f* state) {
    return guarded("xrGetActionStateVector2f", [&] {
        return actionState(handle, info, state, XR_TYPE_ACTION_STATE_VECTOR2F, XR_ACTION_TYPE_VECTOR2F_INPUT,
                           "xrGetActionStateVector2f", [](const ActionStateValue& v, XrActionStateVector2f& s) {
                               s.currentState = XrVector2f{v.x, v.y};
                               s.changedSinceLastSync = v.changed ? XR_TRUE : XR_FALSE;
                               s.lastChangeTime = v.lastChangeTime;
                           });
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetActionStatePose(XrSession handle, const XrActionStateGetInfo* info,
                                                    XrActionStatePose* state) {
    return guarded("xrGetActionStatePose", [&] {
        return actionState(handle, info, state, XR_TYPE_ACTION_STATE_POSE, XR_ACTION_TYPE_POSE_INPUT,
                           "xrGetActionStatePose", [](const ActionStateValue&, XrActionStatePose&) {});
    });
}

// The shared checks of the two haptic calls; `hands` names the bound outputs reached.
XrResult hapticTarget(Session& session, const XrHapticActionInfo* info, const char* function, std::string& hands) {
    if (!hasType(info, XR_TYPE_HAPTIC_ACTION_INFO))
        return misuse(XR_ERROR_VALIDATION_FAILURE, std::string(function) + ": bad haptic action info");
    XrActionStateGetInfo getInfo{XR_TYPE_ACTION_STATE_GET_INFO, nullptr, info->action, info->subactionPath};
    const ActionStateValue* value = nullptr;
    if (const XrResult result = syncedState(session, &getInfo, XR_ACTION_TYPE_VIBRATION_OUTPUT, function, value);
        XR_FAILED(result))
        return result;
    if (session.state != XR_SESSION_STATE_FOCUSED) return XR_SESSION_NOT_FOCUSED;
    Action* action = objects().actions.find(info->action);
    for (const BoundSource* source : activeSources(session, session.input.actions.at(action->id), info->subactionPath))
        hands += std::string(hands.empty() ? "" : "+") + (source->hand == kLeft ? "left" : "right");
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL xrApplyHapticFeedback(XrSession handle, const XrHapticActionInfo* info,
                                                     const XrHapticBaseHeader* feedback) {
    return guarded("xrApplyHapticFeedback", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!feedback || feedback->type != XR_TYPE_HAPTIC_VIBRATION)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrApplyHapticFeedback: feedback is not an XrHapticVibration");
        std::string hands;
        const XrResult result = hapticTarget(*session, info, "xrApplyHapticFeedback", hands);
        if (result != XR_SUCCESS || hands.empty()) return result;
        const auto& vibration = *reinterpret_cast<const XrHapticVibration*>(feedback);
        Report& report = currentRun().report;
        ++report.hapticsCount;
        std::ostringstream text;
        text << hands << " amplitude=" << vibration.amplitude << " duration_ns=" << vibration.duration
             << " frequency=" << vibration.frequency;
        report.lastHaptic = text.str();
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrStopHapticFeedback(XrSession handle, const XrHapticActionInfo* info) {
    return guarded("xrStopHapticFeedback", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        std::string hands;
        const XrResult result = hapticTarget(*session, info, "xrStopHapticFeedback", hands);
        if (result == XR_SUCCESS && !hands.empty()) ++currentRun().report.hapticsStopped;
        return result;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateBoundSourcesForAction(XrSession handle,
                                                                const XrBoundSourcesForActionEnumerateInfo* info,
                                                                std::uint32_t capacity, std::uint32_t* countOutput,
                                                                XrPath* sources) {
    return guarded("xrEnumerateBoundSourcesForAction", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_BOUND_SOURCES_FOR_ACTION_ENUMERATE_INFO))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrEnumerateBoundSourcesForAction: bad enumerate info");
        Action* action = nullptr;
        if (const XrResult result = findAction(info->action, action); XR_FAILED(result)) return result;
        const auto attached = session->input.actions.find(action->id);
        if (attached == session->input.actions.end())
            return misuse(XR_ERROR_ACTIONSET_NOT_ATTACHED, "xrEnumerateBoundSourcesForAction: set not attached");
        std::vector<XrPath> paths;
        const auto bound = attached->second.sources.find(session->input.currentProfile);
        if (bound != attached->second.sources.end())
            for (const BoundSource& source : bound->second) {
                const XrPath path = session->instance->paths.intern(source.path);
                if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
            }
        return writeArray(capacity, countOutput, sources, paths);
    });
}

// "/input/trigger/value" -> "Trigger Value".
std::string componentWords(const std::string& component) {
    std::string words;
    std::istringstream parts(component);
    for (std::string part; std::getline(parts, part, '/');) {
        if (part.empty() || part == "input" || part == "output") continue;
        part[0] = char(std::toupper(static_cast<unsigned char>(part[0])));
        words += (words.empty() ? "" : " ") + part;
    }
    return words;
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetInputSourceLocalizedName(XrSession handle,
                                                             const XrInputSourceLocalizedNameGetInfo* info,
                                                             std::uint32_t capacity, std::uint32_t* countOutput,
                                                             char* buffer) {
    return guarded("xrGetInputSourceLocalizedName", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_INPUT_SOURCE_LOCALIZED_NAME_GET_INFO) || info->whichComponents == 0)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetInputSourceLocalizedName: bad get info");
        const auto path = session->instance->paths.text(info->sourcePath);
        if (!path) return misuse(XR_ERROR_PATH_INVALID, "xrGetInputSourceLocalizedName: unknown path");
        std::vector<std::string> parts;
        const std::string left = "/user/hand/left", right = "/user/hand/right";
        const bool isLeft = path->rfind(left, 0) == 0, isRight = path->rfind(right, 0) == 0;
        if ((info->whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_USER_PATH_BIT) && (isLeft || isRight))
            parts.push_back(isLeft ? "Left Hand" : "Right Hand");
        if (info->whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_INTERACTION_PROFILE_BIT)
            if (const InteractionProfile* profile = findProfile(session->input.currentProfile))
                parts.push_back(profile->displayName);
        if ((info->whichComponents & XR_INPUT_SOURCE_LOCALIZED_NAME_COMPONENT_BIT) && (isLeft || isRight))
            parts.push_back(componentWords(path->substr((isLeft ? left : right).size())));
        std::string name;
        for (const std::string& part : parts)
            if (!part.empty()) name += (name.empty() ? "" : " ") + part;
        return writeString(capacity, countOutput, buffer, name);
    });
}

} // namespace

std::vector<RuntimeFunction> actionStateFunctions() {
    return {
        {"xrSyncActions", asVoidFunction(&xrSyncActions)},
        {"xrGetActionStateBoolean", asVoidFunction(&xrGetActionStateBoolean)},
        {"xrGetActionStateFloat", asVoidFunction(&xrGetActionStateFloat)},
        {"xrGetActionStateVector2f", asVoidFunction(&xrGetActionStateVector2f)},
        {"xrGetActionStatePose", asVoidFunction(&xrGetActionStatePose)},
        {"xrApplyHapticFeedback", asVoidFunction(&xrApplyHapticFeedback)},
        {"xrStopHapticFeedback", asVoidFunction(&xrStopHapticFeedback)},
        {"xrEnumerateBoundSourcesForAction", asVoidFunction(&xrEnumerateBoundSourcesForAction)},
        {"xrGetInputSourceLocalizedName", asVoidFunction(&xrGetInputSourceLocalizedName)},
    };
}

} // namespace usine::test_runtime
