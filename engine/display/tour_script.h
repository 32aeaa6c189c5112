// The script a headless display plays: head and hand poses over time, button presses,
// picture size, and which frames to save. A small line-based text format, so a teacher
// or a test can write one by hand:
//
//   # a line starting with # is a comment
//   size 320 240              pixels per eye
//   fov 90                    horizontal degrees per eye
//   eye-distance 0.063        metres
//   frames 120                length of the tour, in frames
//   fps 72                    simulated frame rate (motion per frame)
//   save-every 30             write a picture every N frames (and the last one)
//   at 0 head 0 1.6 3 look 0 1.2 0     keyframe: head position and a point it looks at
//   at 60 head 2 1.6 2 look 0 1.2 0    (positions in metres, tracking space, floor at y = 0)
//   at 10 hand right 0.2 1.3 2.6 point 0 1 0   hand position and where it points
//   at 20 press right select           buttons: select, menu (held until released)
//   at 25 release right select
//   at 30 stick left 0 1               stick x y (held until changed)
//   at 30 grab right 1                 squeeze 0..1
//
// Head and hand keyframes are interpolated (position linearly, orientation by slerp).
#pragma once

#include "core/input_state.h"
#include "core/view_geometry.h"

#include <filesystem>
#include <string>
#include <vector>

namespace usine::display {

struct TourScript {
    std::uint32_t width = 320;
    std::uint32_t height = 240;
    float fovDegrees = 90;
    float eyeDistance = 0.063f;
    int frames = 90;
    double fps = 72;
    int saveEvery = 30;

    struct PoseKey {
        int frame;
        Pose pose;
    };
    std::vector<PoseKey> head;
    std::vector<PoseKey> hands[2];

    struct InputChange {
        int frame;
        Hand hand;
        enum class What { Select, Menu, Stick, Grab } what;
        bool pressed = false;
        glm::vec2 value{0};
    };
    std::vector<InputChange> inputs; // in frame order

    Pose headAt(int frame) const;
    // Hands and buttons as they are at `frame`.
    InputState inputAt(int frame) const;
};

// Throws UserError "FILE:LINE: what is wrong" on the first mistake.
TourScript parseTourScript(const std::string& text, const std::string& fileName);
TourScript loadTourScript(const std::filesystem::path& path);

// The tour used when none is given: a slow walk on an arc in front of the model
// (its +Z side), looking at its centre, far enough back for the whole box to fit in
// view, at eye height for a model of human scale (1.55 m above its lowest point) and in
// proportion for a tiny or a huge one (and, for a tiny one, the eyes closer together).
// Where the model is (1 km away) or how big (a part scaled x0.01) does not matter: the
// walk comes from its bounds.
TourScript walkAround(const glm::vec3& boundsMin, const glm::vec3& boundsMax);

// A still head at `camera` looking at `look`, for `frames` frames (one picture at the end).
TourScript stillView(const glm::vec3& camera, const glm::vec3& look, int frames);

} // namespace usine::display
