// Space poses in STAGE space (see space_poses.h).
#include "space_poses.h"

#include "action_evaluation.h"
#include "pose_math.h"
#include "test_run.h"

namespace usine::test_runtime {

std::optional<XrPosef> spaceInStage(const Session& session, const Space& space, double frame) {
    if (space.isAction) {
        const auto hand = actionPoseInStage(session, space.actionId, space.subactionPath, frame);
        if (!hand) return std::nullopt;
        return compose(*hand, space.offset);
    }
    const XrPosef head = headPoseAt(currentRun().script, frame);
    switch (space.referenceType) {
    case XR_REFERENCE_SPACE_TYPE_VIEW:
        if (!headTrackedAt(currentRun().script, frame)) return std::nullopt;
        return compose(head, space.offset);
    case XR_REFERENCE_SPACE_TYPE_LOCAL: {
        // Before xrBeginSession fixes it, LOCAL follows the head's current position.
        XrPosef origin = session.localOrigin ? *session.localOrigin
                                             : XrPosef{headingOnly(head.orientation), head.position};
        for (const auto& [from, moved] : session.localOriginChanges)
            if (frame >= double(from)) origin = moved;
        return compose(origin, space.offset);
    }
    default: return space.offset; // STAGE
    }
}

} // namespace usine::test_runtime
