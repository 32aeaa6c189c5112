// Where spaces are, in STAGE space (the world of the script: floor at y = 0). VIEW
// follows the head, LOCAL is fixed where the head was at xrBeginSession (upright), STAGE
// is the origin, and action spaces follow the hand of their bound pose source.
#pragma once

#include "session.h"
#include "space.h"

#include <optional>

namespace usine::test_runtime {

// None when the space is not tracked now (an action space without an active tracked
// source).
std::optional<XrPosef> spaceInStage(const Session& session, const Space& space, double frame);

} // namespace usine::test_runtime
