// The scripted controllers seen through a session's bindings: which sources an action
// reads now, the value it gets from them, and where a pose action is.
//
// Rules: a boolean reads click and touch components as pressed at >= 0.5, and value,
// force and axis components with hysteresis (pressed from 0.5, released below 0.4); a
// float reads buttons as 0 or 1; several sources combine as OR (boolean), the largest
// magnitude (float) or the longest vector (vector2f). An action reads nothing until its
// set was made active by xrSyncActions while the session was FOCUSED.
#pragma once

#include "session.h"

#include <optional>
#include <vector>

namespace usine::test_runtime {

std::vector<const BoundSource*> activeSources(const Session& session, const AttachedAction& action,
                                              XrPath subactionFilter);

ActionStateValue evaluateAction(Session& session, const AttachedAction& action, XrPath subactionFilter,
                                std::int64_t frame);

// Where a pose action's source is in STAGE space; none when nothing tracked is bound.
std::optional<XrPosef> actionPoseInStage(const Session& session, std::uint64_t actionId, XrPath subactionPath,
                                         double frame);

} // namespace usine::test_runtime
