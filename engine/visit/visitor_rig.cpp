// Locomotion, snap turns and height calibration (see visitor_rig.h).
#include "visit/visitor_rig.h"

#include <cmath>
#include <glm/gtc/quaternion.hpp>

namespace usine::visit {
namespace {

constexpr float kTurnPress = 0.7f;   // stick deflection that triggers a snap turn
constexpr float kTurnRelease = 0.3f; // and the one below which the next turn is armed
constexpr float kDeadZone = 0.15f;   // worn sticks drift: ignore small deflections
// A floor touch: the visitor crouches (or bends) and holds a controller at least a metre
// below their standing eye height (the floor, for anyone whose eyes are above 1.1 m),
// with select and grab together, long enough that no passing gesture does it by chance.
// A hand hanging at a standing visitor's side is never that low, nor is the head lowered.
constexpr float kFloorReach = 1.0f;       // m below the standing eye height
constexpr float kHeadLowered = 0.3f;      // m below it: crouching or bending
constexpr float kFloorHoldSeconds = 1.0f;
// Where tracking space has a floor, a touch only corrects it (a drifted room setup): the
// controller must be within this of it, so a tall adult bending to a low shelf is not
// taken for the floor. (In LOCAL space nothing tells the two apart but the gesture.)
constexpr float kStageFloorTolerance = 0.3f;
constexpr float kStandingSinkPerSecond = 0.02f; // m/s: a crouch of a few seconds barely moves it
constexpr float kGripAboveFloor = 0.04f;  // m: a controller's grip centre, lying on the floor

float yawOf(const glm::quat& orientation) {
    glm::vec3 forward = orientation * glm::vec3(0, 0, -1);
    // Looking (nearly) straight down or up, as when touching the floor, the gaze has no
    // heading: the top of the head points the way the visitor faces.
    if (forward.x * forward.x + forward.z * forward.z < 0.01f)
        forward = orientation * glm::vec3(0, forward.y < 0 ? 1.0f : -1.0f, 0);
    return std::atan2(-forward.x, -forward.z);
}

glm::quat yawRotation(float yaw) { return glm::angleAxis(yaw, glm::vec3(0, 1, 0)); }

} // namespace

VisitorRig::VisitorRig(const Pose& spawn, TrackingOrigin origin, const RigSettings& settings)
    : settings_(settings), origin_(origin), spawn_(spawn), anchor_(spawn), yaw_(yawOf(spawn.orientation)),
      offset_(spawn.position) {}

bool VisitorRig::trackingChanged(TrackingOrigin origin, std::optional<float> newOriginHeightInOld) {
    origin_ = origin;
    if (!calibrated_) return false; // still waiting for a first tracked frame: nothing to keep
    // Where the visitor's head is in the world now, on the floor they walk on (the world
    // height of tracking space's floor, which locomotion never changes).
    anchorHere();
    floorHold_[0] = floorHold_[1] = 0;
    if (newOriginHeightInOld) {
        // The same room, its origin moved: heights in it shift by the same amount.
        if (measuredFloor_) *measuredFloor_ -= *newOriginHeightInOld;
        standingHead_ -= *newOriginHeightInOld;
        return false;
    }
    const bool forgotten = measuredFloor_.has_value();
    measuredFloor_.reset(); // measured in a tracking space that is gone
    standingHead_ = -1e9f;  // set again from the next tracked head
    return forgotten;
}

void VisitorRig::anchorHere() {
    const Pose head = toWorld(lastHead_);
    anchor_ = Pose{yawRotation(yawOf(head.orientation)), glm::vec3(head.position.x, offset_.y, head.position.z)};
    calibrated_ = false;
}

void VisitorRig::changeSettings(const RigSettings& settings) {
    settings_ = settings;
    if (calibrated_) anchorHere();
}

void VisitorRig::backToStart() {
    anchor_ = spawn_;
    calibrated_ = false;
}

float VisitorRig::verticalOffsetFor(const Pose& head) const {
    // A standing visitor sees from their own eye height when the floor is known (measured
    // by touch, or tracking space starts there); otherwise, and seated, from the standing
    // eye height setting.
    if (!settings_.seated && measuredFloor_) return -*measuredFloor_ + settings_.heightOffset;
    const bool heightKnown = origin_ == TrackingOrigin::Floor && !settings_.seated;
    return (heightKnown ? 0.0f : settings_.standingEyeHeight - head.position.y) + settings_.heightOffset;
}

void VisitorRig::calibrate(const Pose& head) {
    verticalOffset_ = verticalOffsetFor(head);
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

bool VisitorRig::nearFloor(const HandInput& hand, const Pose& head) const {
    const float grip = hand.grip.position.y;
    if (origin_ == TrackingOrigin::Floor && grip > kStageFloorTolerance) return false;
    return standingHead_ - head.position.y > kHeadLowered && standingHead_ - grip > kFloorReach;
}

std::optional<Hand> VisitorRig::touchFloor(const InputState& input, const Pose& head, float dt) {
    if (settings_.seated) return std::nullopt; // a seated visitor's height is the setting's
    for (Hand hand : {Hand::Left, Hand::Right}) {
        const HandInput& h = input[hand];
        float& held = floorHold_[static_cast<int>(hand)];
        const bool onFloor = h.tracked && h.select && h.grab > 0.5f && nearFloor(h, head);
        if (!onFloor) {
            held = 0;
            continue;
        }
        const bool wasShort = held < kFloorHoldSeconds;
        held += dt;
        if (wasShort && held >= kFloorHoldSeconds) {
            measuredFloor_ = h.grip.position.y - kGripAboveFloor;
            verticalOffset_ = verticalOffsetFor(head);
            return hand;
        }
    }
    return std::nullopt;
}

RigEvents VisitorRig::update(const InputState& input, const Pose& head, double deltaSeconds) {
    if (!calibrated_) calibrate(head);
    lastHead_ = head;
    const HandInput& mover = input[otherHand(settings_.dominantHand)];
    const HandInput& turner = input[settings_.dominantHand];
    const float dt = static_cast<float>(std::max(0.0, std::min(deltaSeconds, 0.1))); // no leaps after a stall
    standingHead_ = std::max(head.position.y, standingHead_ - kStandingSinkPerSecond * dt);

    glm::vec2 move(0);
    glm::quat direction = toWorld(head).orientation; // walk where one looks
    if (mover.hasStick) {
        move = mover.stick;
    } else if (mover.select && mover.tracked && !nearFloor(mover, head)) {
        // Stickless controllers: hold select to walk where the hand points (not while it
        // is held on the floor: that is a floor touch).
        move = glm::vec2(0, 1);
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
    return RigEvents{touchFloor(input, head, dt)};
}

} // namespace usine::visit
