// Locomotion, snap turns and height calibration (see visitor_rig.h).
#include "visit/visitor_rig.h"

#include <cmath>
#include <glm/gtc/quaternion.hpp>

namespace usine::visit {
namespace {

constexpr float kTurnPress = 0.7f;   // stick deflection that triggers a snap turn
constexpr float kTurnRelease = 0.3f; // and the one below which the next turn is armed
constexpr float kDeadZone = 0.15f;   // worn sticks drift: ignore small deflections

float yawOf(const glm::quat& orientation) {
    const glm::vec3 forward = orientation * glm::vec3(0, 0, -1);
    return std::atan2(-forward.x, -forward.z);
}

glm::quat yawRotation(float yaw) { return glm::angleAxis(yaw, glm::vec3(0, 1, 0)); }

} // namespace

VisitorRig::VisitorRig(const Pose& spawn, TrackingOrigin origin, const RigSettings& settings)
    : settings_(settings), origin_(origin), spawn_(spawn), anchor_(spawn), yaw_(yawOf(spawn.orientation)),
      offset_(spawn.position) {}

void VisitorRig::trackingChanged(TrackingOrigin origin) {
    origin_ = origin;
    if (!calibrated_) return; // still waiting for a first tracked frame: nothing to keep
    // Where the visitor's head is in the world now, on the floor they walk on (the world
    // height of tracking space's floor, which locomotion never changes).
    const Pose head = toWorld(lastHead_);
    anchor_ = Pose{yawRotation(yawOf(head.orientation)), glm::vec3(head.position.x, offset_.y, head.position.z)};
    calibrated_ = false;
}

void VisitorRig::calibrate(const Pose& head) {
    const bool heightKnown = origin_ == TrackingOrigin::Floor && !settings_.seated;
    // With the floor known and a standing visitor, their own eye height is the natural one.
    verticalOffset_ = (heightKnown ? 0.0f : settings_.standingEyeHeight - head.position.y) + settings_.heightOffset;
    calibrated_ = true;
    if (!settings_.placeHeadAtSpawn) {
        yaw_ = yawOf(spawn_.orientation);
        offset_ = spawn_.position;
        return;
    }
    // Put the visitor's head (not the tracking origin) on the anchor, facing its way:
    // the room-scale offset of where they stand is cancelled.
    yaw_ = yawOf(anchor_.orientation) - yawOf(head.orientation);
    const glm::vec3 headFlat(head.position.x, 0, head.position.z);
    offset_ = anchor_.position - yawRotation(yaw_) * headFlat;
}

Pose VisitorRig::trackingToWorld() const {
    return Pose{yawRotation(yaw_), offset_ + glm::vec3(0, verticalOffset_, 0)};
}

Pose VisitorRig::toWorld(const Pose& pose) const { return compose(trackingToWorld(), pose); }

EyeView VisitorRig::toWorld(const EyeView& eye) const { return EyeView{toWorld(eye.pose), eye.fov}; }

void VisitorRig::snapTurn(float degrees, const Pose& head) {
    // Turn about the head, so the visitor turns on the spot instead of swinging around
    // the tracking origin.
    const glm::vec3 headBefore = toWorld(head).position;
    yaw_ += glm::radians(degrees);
    const glm::vec3 headAfter = toWorld(head).position;
    offset_ += headBefore - headAfter;
}

void VisitorRig::update(const InputState& input, const Pose& head, double deltaSeconds) {
    if (!calibrated_) calibrate(head);
    lastHead_ = head;
    const HandInput& mover = input[otherHand(settings_.dominantHand)];
    const HandInput& turner = input[settings_.dominantHand];
    const float dt = static_cast<float>(std::max(0.0, std::min(deltaSeconds, 0.1))); // no leaps after a stall

    glm::vec2 move(0);
    glm::quat direction = toWorld(head).orientation; // walk where one looks
    if (mover.hasStick) {
        move = mover.stick;
    } else if (mover.select && mover.tracked) {
        move = glm::vec2(0, 1); // stickless controllers: hold select to walk where the hand points
        direction = toWorld(mover.aim).orientation;
    }
    if (glm::length(move) > kDeadZone) {
        const glm::vec3 forward3 = direction * glm::vec3(0, 0, -1);
        glm::vec3 forward(forward3.x, 0, forward3.z);
        if (glm::length(forward) > 1e-4f) {
            forward = glm::normalize(forward);
            const glm::vec3 right(-forward.z, 0, forward.x);
            const glm::vec2 clamped = glm::length(move) > 1.0f ? glm::normalize(move) : move;
            offset_ += (forward * clamped.y + right * clamped.x) * settings_.moveSpeed * dt;
        }
    }

    if (turner.hasStick) {
        const float x = turner.turn;
        if (turnArmed_ && std::abs(x) >= kTurnPress) {
            // Stick right turns right: a negative rotation about +Y.
            snapTurn(x > 0 ? -settings_.snapTurnDegrees : settings_.snapTurnDegrees, head);
            turnArmed_ = false;
        } else if (std::abs(x) < kTurnRelease) {
            turnArmed_ = true;
        }
    }
}

} // namespace usine::visit
