// The head-following panel: it stays while the head turns up to 30 degrees, swings back
// in front within a second once past 40, and keeps the distance as the visitor walks.
#include "ui/lazy_follow.h"
#include "ui/panel_hit.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <glm/gtc/constants.hpp>

using namespace usine;
using namespace usine::ui;

namespace {

// A standing pupil (eyes at 1.50 m) turned `degrees` to the left.
Pose headTurned(float degrees, glm::vec3 at = {0, 1.5f, 0}) {
    return Pose{glm::angleAxis(glm::radians(degrees), glm::vec3(0, 1, 0)), at};
}

// The panel's direction from the head, degrees to the left.
float panelDegrees(const Pose& panel, const Pose& head) {
    const glm::vec3 to = panel.position - head.position;
    return glm::degrees(std::atan2(-to.x, -to.z));
}

constexpr double kFrame = 1.0 / 72; // a Quest at 72 Hz

} // namespace

TEST_CASE("a head turn of 30 degrees leaves the panel where it is", "[ui][follow]") {
    LazyFollow follow;
    const Pose first = follow.update(headTurned(0), kFrame);
    CHECK(panelDegrees(first, headTurned(0)) == Approx(0).margin(1e-3));
    Pose panel = first;
    for (int frame = 0; frame < 3 * 72; ++frame) panel = follow.update(headTurned(30), kFrame); // 3 s
    CHECK(panelDegrees(panel, headTurned(30)) == Approx(0).margin(1e-3)); // still straight ahead of the start
    CHECK_FALSE(follow.recentring());
}

TEST_CASE("past 40 degrees the panel swings back in front within a second", "[ui][follow]") {
    LazyFollow follow;
    follow.update(headTurned(0), kFrame);
    int frames = 0;
    Pose panel;
    do {
        panel = follow.update(headTurned(41), kFrame);
        ++frames;
    } while (follow.recentring() && frames < 200);
    CHECK(frames * kFrame <= 1.0);
    CHECK(panelDegrees(panel, headTurned(41)) == Approx(41).margin(0.01));
    // It swings, never jumps: after one frame it has moved only a little.
    LazyFollow again;
    again.update(headTurned(0), kFrame);
    const float afterOneFrame = panelDegrees(again.update(headTurned(90), kFrame), headTurned(90));
    CHECK(afterOneFrame > 0);
    CHECK(afterOneFrame < 5);
}

TEST_CASE("the panel keeps its distance, slightly below the eyes, facing the visitor", "[ui][follow]") {
    LazyFollow follow;
    const glm::vec3 walkedTo(2, 1.5f, -3);
    follow.update(headTurned(0), kFrame);
    const Pose panel = follow.update(headTurned(0, walkedTo), kFrame);
    CHECK(glm::length(glm::vec2(panel.position.x - walkedTo.x, panel.position.z - walkedTo.z)) == Approx(1.5f));
    CHECK(panel.position.y == Approx(1.35f));
    // Its front (+Z) points back at the visitor.
    const glm::vec3 front = panel.orientation * glm::vec3(0, 0, 1);
    CHECK(glm::dot(front, glm::normalize(walkedTo - panel.position)) > 0.99f);
}

TEST_CASE("a ray hits a panel in its own coordinates; 5 cm off a button is a miss", "[ui][pointer]") {
    // A 0.6 x 0.4 m panel 1.5 m ahead, facing the visitor.
    const Pose panel{glm::quat(1, 0, 0, 0), {0, 1.5f, -1.5f}};
    const glm::vec2 size(0.6f, 0.4f);
    const auto centre = hitPanel(panel, size, Ray{{0, 1.5f, 0}, {0, 0, -1}});
    REQUIRE(centre);
    CHECK(centre->x == Approx(0.3f));
    CHECK(centre->y == Approx(0.2f));
    // A button 0.1 m wide at the centre: a ray aimed 5 cm to the right of its edge misses it.
    const auto off = hitPanel(panel, size, Ray{{0, 1.5f, 0}, {0.10f / 1.5f, 0, -1}});
    REQUIRE(off);
    CHECK(std::abs(off->x - 0.3f) > 0.05f + 0.049f);
    // Behind the panel, or pointing away: nothing.
    CHECK_FALSE(hitPanel(panel, size, Ray{{0, 1.5f, -3}, {0, 0, 1}}));
    CHECK_FALSE(hitPanel(panel, size, Ray{{0, 1.5f, 0}, {0, 0, 1}}));
    CHECK_FALSE(hitPanel(panel, size, Ray{{0, 1.5f, 0}, {1, 0, -1}})); // 45 degrees: beside it
}

TEST_CASE("distance-independent millimetres: 24 dmm body text is 3.6 cm tall at 1.5 m", "[ui][size]") {
    CHECK(metresFromDmm(24, 1.5f) == Approx(0.036f));
    CHECK(metresFromDmm(24, 1.0f) == Approx(0.024f));
}
