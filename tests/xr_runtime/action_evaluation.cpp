// Action values from the script through the bindings (see action_evaluation.h).
#include "action_evaluation.h"

#include "test_run.h"

#include <algorithm>
#include <cmath>

namespace usine::test_runtime {
namespace {

constexpr float kPressAt = 0.5f;
constexpr float kReleaseBelow = 0.4f;

bool endsWith(const std::string& text, std::string_view tail) {
    return text.size() >= tail.size() && std::string_view(text).substr(text.size() - tail.size()) == tail;
}

float scripted(const Script& script, const std::string& path, std::int64_t frame, int axis) {
    const auto value = inputAt(script, path, frame);
    return value ? (*value)[axis] : 0.0f;
}

// A component's value; an axis also reads its stick's pair, and a stick its axes.
std::array<float, 2> componentValue(const Script& script, const BoundSource& source, std::int64_t frame) {
    if (source.kind == ComponentKind::Vector2) {
        if (const auto pair = inputAt(script, source.path, frame)) return *pair;
        return {scripted(script, source.path + "/x", frame, 0), scripted(script, source.path + "/y", frame, 0)};
    }
    if (source.kind == ComponentKind::Axis && !inputAt(script, source.path, frame)) {
        const std::string stick = source.path.substr(0, source.path.size() - 2); // drop "/x" or "/y"
        return {scripted(script, stick, frame, endsWith(source.path, "/y") ? 1 : 0), 0};
    }
    return {scripted(script, source.path, frame, 0), 0};
}

bool isButton(ComponentKind kind) { return kind == ComponentKind::Click || kind == ComponentKind::Touch; }

} // namespace

std::vector<const BoundSource*> activeSources(const Session& session, const AttachedAction& action,
                                              XrPath subactionFilter) {
    std::vector<const BoundSource*> sources;
    const SessionInput& input = session.input;
    if (input.currentProfile.empty() || !input.focusedAtLastSync) return sources;
    const auto activeSet = input.activeSets.find(action.setId);
    const auto bound = action.sources.find(input.currentProfile);
    if (activeSet == input.activeSets.end() || bound == action.sources.end()) return sources;
    std::optional<Hand> onlyHand;
    if (subactionFilter != XR_NULL_PATH) {
        const auto hand = action.handOfSubaction.find(subactionFilter);
        if (hand == action.handOfSubaction.end()) return sources; // /user/head, /user/gamepad: nothing there
        onlyHand = hand->second;
    }
    for (const BoundSource& source : bound->second) {
        const auto& hands = activeSet->second;
        if (std::find(hands.begin(), hands.end(), source.hand) == hands.end()) continue;
        if (onlyHand && source.hand != *onlyHand) continue;
        // An action with subaction paths only hears the hands it named.
        if (!action.subactionPaths.empty()) {
            const bool named = std::any_of(action.handOfSubaction.begin(), action.handOfSubaction.end(),
                                           [&](const auto& entry) { return entry.second == source.hand; });
            if (!named) continue;
        }
        sources.push_back(&source);
    }
    return sources;
}

ActionStateValue evaluateAction(Session& session, const AttachedAction& action, XrPath subactionFilter,
                                std::int64_t frame) {
    const Script& script = currentRun().script;
    ActionStateValue state;
    const auto sources = activeSources(session, action, subactionFilter);
    state.isActive = !sources.empty();
    for (const BoundSource* source : sources) {
        const std::array<float, 2> value = componentValue(script, *source, frame);
        switch (action.type) {
        case XR_ACTION_TYPE_BOOLEAN_INPUT: {
            bool pressed = value[0] >= kPressAt;
            if (!isButton(source->kind)) {
                bool& held = session.input.pressed[std::to_string(action.id) + "|" + source->path];
                held = held ? value[0] >= kReleaseBelow : value[0] >= kPressAt;
                pressed = held;
            }
            if (pressed) state.x = 1;
            break;
        }
        case XR_ACTION_TYPE_FLOAT_INPUT: {
            const float reading = isButton(source->kind) ? (value[0] >= kPressAt ? 1.0f : 0.0f) : value[0];
            if (std::fabs(reading) > std::fabs(state.x)) state.x = reading;
            break;
        }
        case XR_ACTION_TYPE_VECTOR2F_INPUT:
            if (value[0] * value[0] + value[1] * value[1] > state.x * state.x + state.y * state.y) {
                state.x = value[0];
                state.y = value[1];
            }
            break;
        default: break; // poses and haptics have no value
        }
    }
    return state;
}

std::optional<XrPosef> actionPoseInStage(const Session& session, std::uint64_t actionId, XrPath subactionPath,
                                         double frame) {
    const auto found = session.input.actions.find(actionId);
    if (found == session.input.actions.end() || found->second.type != XR_ACTION_TYPE_POSE_INPUT) return std::nullopt;
    const auto sources = activeSources(session, found->second, subactionPath);
    if (sources.empty()) return std::nullopt;
    // Without a subaction path the runtime picks a source: the first bound, left first.
    const BoundSource* source = *std::min_element(sources.begin(), sources.end(),
                                                  [](const BoundSource* a, const BoundSource* b) { return a->hand < b->hand; });
    const HandPose hand = handPoseAt(currentRun().script, source->hand, frame);
    if (!hand.tracked) return std::nullopt;
    return endsWith(source->path, "/aim/pose") ? hand.aim : hand.grip;
}

} // namespace usine::test_runtime
