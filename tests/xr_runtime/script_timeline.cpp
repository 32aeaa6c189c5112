// Where the scripted head, hands and inputs are at a given frame (see script.h).
#include "pose_math.h"
#include "script.h"

#include <algorithm>
#include <iterator>

namespace usine::test_runtime {
namespace {

XrPosef standingHead() {
    XrPosef pose = identityPose();
    pose.position = {0.0f, 1.6f, 0.0f};
    return pose;
}

// Hands held in front of the chest until the script says otherwise.
HandKey restingHand(Hand hand) {
    HandKey key;
    key.grip = identityPose();
    key.grip.position = {hand == kLeft ? -0.2f : 0.2f, 1.3f, -0.35f};
    return key;
}

// The keys either side of `frame`, and how far between them it lies; `before` is null
// when the frame comes before the first key, `after` null past the last.
template <typename Key> struct Bracket {
    const Key* before = nullptr;
    const Key* after = nullptr;
    float t = 0;
};

template <typename Key> Bracket<Key> bracket(const std::vector<Key>& keys, double frame) {
    Bracket<Key> result;
    const auto next = std::upper_bound(keys.begin(), keys.end(), frame,
                                       [](double f, const Key& key) { return f < double(key.frame); });
    if (next != keys.end()) result.after = &*next;
    if (next != keys.begin()) result.before = &*(next - 1);
    if (result.before && result.after)
        result.t = float((frame - double(result.before->frame)) / double(result.after->frame - result.before->frame));
    return result;
}

} // namespace

XrPosef headPoseAt(const Script& script, double frame) {
    std::vector<HeadKey> tracked;
    std::copy_if(script.head.begin(), script.head.end(), std::back_inserter(tracked),
                 [](const HeadKey& key) { return key.tracked; });
    if (tracked.empty()) return standingHead();
    const auto keys = bracket(tracked, frame);
    if (!keys.before) return keys.after->pose;
    if (!keys.after) return keys.before->pose;
    return interpolate(keys.before->pose, keys.after->pose, keys.t);
}

bool headTrackedAt(const Script& script, double frame) {
    if (script.head.empty()) return true;
    const auto keys = bracket(script.head, frame);
    return keys.before ? keys.before->tracked : true; // tracked until the first untracked key
}

HandPose handPoseAt(const Script& script, Hand hand, double frame) {
    const std::vector<HandKey>& keys = script.hands[hand];
    HandKey now = restingHand(hand);
    if (!keys.empty()) {
        const auto around = bracket(keys, frame);
        if (!around.before) {
            now = *around.after;
        } else if (!around.after || !around.before->tracked || !around.after->tracked) {
            now = *around.before; // tracking is lost or found at a keyframe, never halfway
        } else {
            now = *around.before;
            now.grip = interpolate(around.before->grip, around.after->grip, around.t);
            now.aimPitchDegrees += (around.after->aimPitchDegrees - around.before->aimPitchDegrees) * around.t;
        }
    }
    HandPose pose;
    pose.tracked = now.tracked;
    pose.grip = now.grip;
    XrPosef aimTilt = identityPose();
    aimTilt.orientation = fromYawPitchRollDegrees(0, now.aimPitchDegrees, 0);
    pose.aim = compose(now.grip, aimTilt);
    return pose;
}

std::optional<std::array<float, 2>> inputAt(const Script& script, const std::string& path, std::int64_t frame) {
    const auto found = script.inputs.find(path);
    if (found == script.inputs.end()) return std::nullopt;
    const auto around = bracket(found->second, double(frame));
    if (!around.before) return std::nullopt;
    return around.before->value;
}

} // namespace usine::test_runtime
