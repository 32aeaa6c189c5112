// Where the visitor is in the factory: the transform from the display's tracking space
// to the world, moved by locomotion (stick, or select-hold on stickless controllers),
// snap turns, and the height settings that let a 1.40 m pupil, a 1.90 m adult and a
// seated pupil all see the plant from a natural eye height. Where tracking does not know
// the floor (LOCAL space) or knows it wrong (a drifted room setup), a standing visitor
// can show it: crouch, hold a controller on the floor, and hold select and grab for a
// second. Pure logic: no GPU, no XR.
#pragma once

#include "core/input_state.h"
#include "core/view_geometry.h"

#include <optional>

namespace usine::visit {

struct RigSettings {
    Hand dominantHand = Hand::Right; // turns with it, moves with the other
    bool seated = false;             // lift a seated visitor's eyes to standing height
    float standingEyeHeight = 1.50f; // m: used when tracking cannot tell (eye-level origin) or seated
    float heightOffset = 0.0f;       // m, added on top (a tall adult showing a pupil's view: negative)
    float moveSpeed = 1.2f;          // m/s at full stick: a calm walking pace
    float snapTurnDegrees = 30.0f;   // snap turns avoid the nausea of smooth turning
    // Headsets: wherever the visitor stands in their room, start them on the spawn point.
    // Scripted tours give world positions already: keep tracking space where it is.
    bool placeHeadAtSpawn = true;
};

// What an update did that the visitor should feel (a buzz in that hand).
struct RigEvents {
    std::optional<Hand> floorSet; // the floor was measured at this hand's controller
};

class VisitorRig {
public:
    // `spawn`: where the visitor's feet start in the world, facing -Z of its orientation.
    VisitorRig(const Pose& spawn, TrackingOrigin origin, const RigSettings& settings);

    // Places tracking space from the current head pose (in tracking space): the eye
    // height, and the head on the spawn point (or, after trackingChanged, where the
    // visitor was). Done by update() on the first frame it is given; call update() only
    // with tracked head poses, or the visitor is placed from a pose nobody measured.
    void calibrate(const Pose& headInTracking);
    bool calibrated() const { return calibrated_; }

    // Tracking space was replaced: a new headset session or display, or the runtime
    // recentred it. The next update() calibrates again, keeping the visitor where they
    // stood in the factory and facing the same way (not back at the spawn point). A floor
    // the visitor showed carries over when `newOriginHeightInOld` says how the space
    // moved; otherwise it is forgotten, and this returns true (tell them to show it again).
    bool trackingChanged(TrackingOrigin origin, std::optional<float> newOriginHeightInOld = std::nullopt);

    // New comfort settings (from the menu): applied from the next update, the visitor
    // staying where they stand and facing the same way.
    void changeSettings(const RigSettings& settings);
    // Back on the spawn point, facing its way ("back to start" in the menu), from the
    // next update.
    void backToStart();

    // One frame of locomotion, turning and floor touching from the hands, given the
    // (tracked) head pose.
    RigEvents update(const InputState& input, const Pose& headInTracking, double deltaSeconds);

    // Where the floor is in tracking space, once a floor touch measured it.
    std::optional<float> measuredFloor() const { return measuredFloor_; }

    // Tracking space -> world.
    Pose trackingToWorld() const;
    EyeView toWorld(const EyeView& eye) const;
    Pose toWorld(const Pose& pose) const;

    const RigSettings& settings() const { return settings_; }

private:
    // Re-anchors on where the head is now: the next calibration keeps the visitor there.
    void anchorHere();
    void snapTurn(float degrees, const Pose& headInTracking);
    std::optional<Hand> touchFloor(const InputState& input, const Pose& headInTracking, float deltaSeconds);
    float verticalOffsetFor(const Pose& headInTracking) const;
    bool nearFloor(const HandInput& hand, const Pose& headInTracking) const;

    RigSettings settings_;
    TrackingOrigin origin_;
    Pose spawn_;
    Pose anchor_;              // where calibrate() puts the head: the spawn, or where it was
    Pose lastHead_;            // the last head pose update() was given, in tracking space
    float yaw_ = 0;            // radians, about +Y, applied to tracking space
    glm::vec3 offset_{0};      // world position of tracking space's origin (before yaw)
    float verticalOffset_ = 0; // metres added to tracking space's height
    bool calibrated_ = false;
    bool turnArmed_ = true;    // a snap turn needs the stick back near the centre first
    float floorHold_[2] = {0, 0};      // seconds each hand has been held on the floor
    // The visitor's standing head height in tracking space: the highest head seen lately
    // (it sinks slowly, so a shorter pupil taking the headset over gets their own).
    float standingHead_ = -1e9f;
    std::optional<float> measuredFloor_; // tracking space's floor height, by touch
};

} // namespace usine::visit
