// Where a head-following panel (the menu, subtitles) goes: in front of the visitor, but
// never locked to the head, which tires and sickens in a headset. It stays put while the
// head turns less than 30 degrees from it, and once the head has turned past 40 degrees
// it swings back in front within a second; it keeps the head's distance as the visitor
// walks. Pure logic in world space, updated every frame with the head pose and the time.
#pragma once

#include "core/view_geometry.h"

namespace usine::ui {

struct LazyFollowSettings {
    float distance = 1.5f;        // m from the eyes: within the 1.2-3 m where panels read well
    float dropBelowEyes = 0.15f;  // m: slightly below the line of sight, where eyes rest
    float keepDegrees = 30.0f;    // a head turn this small leaves the panel where it is
    float recentreDegrees = 40.0f;
    float recentreSeconds = 0.8f; // the swing back lasts at most this (< 1 s)
};

class LazyFollow {
public:
    explicit LazyFollow(const LazyFollowSettings& settings = {}) : settings_(settings) {}

    // The panel's pose for this frame (its +Z faces the visitor). The first call places it
    // straight ahead.
    Pose update(const Pose& head, double deltaSeconds);
    bool recentring() const { return recentring_; }

private:
    LazyFollowSettings settings_;
    bool placed_ = false;
    bool recentring_ = false;
    float yaw_ = 0;         // radians: the panel's direction from the head, about +Y
    float swingSpeed_ = 0;  // radians per second while recentring
};

} // namespace usine::ui
