// Tour scripts: what they say, how poses are interpolated, and a clear file:line for
// each mistake.
#include "core/error.h"
#include "display/tour_script.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::display;

TEST_CASE("a tour script gives sizes, interpolated poses and held inputs", "[tour]") {
    const TourScript script = parseTourScript(R"(# a walk
size 160 120
fov 100
frames 50
save-every 10
at 0 head 0 1.6 0 look 0 1.6 -1
at 10 head 1 1.6 0 look 1 1.6 -1
at 0 hand right 0.2 1.2 -0.2 point 0.2 1.2 -1
at 4 press right select
at 6 release right select
at 5 stick left 0 1   # walk forward
)",
                                              "walk.tour");
    CHECK(script.width == 160);
    CHECK(script.height == 120);
    CHECK(script.fovDegrees == 100);
    CHECK(script.frames == 50);
    CHECK(script.headAt(5).position.x == Approx(0.5f));
    CHECK(script.headAt(30).position.x == Approx(1.0f)); // held after the last keyframe
    CHECK_FALSE(script.inputAt(3)[Hand::Right].select);
    CHECK(script.inputAt(4)[Hand::Right].select);
    CHECK_FALSE(script.inputAt(6)[Hand::Right].select);
    CHECK(script.inputAt(20)[Hand::Left].stick.y == 1.0f);
    CHECK(script.inputAt(0)[Hand::Right].tracked);
    CHECK_FALSE(script.inputAt(0)[Hand::Left].tracked);
}

TEST_CASE("mistakes in a tour script name the file and line", "[tour]") {
    CHECK_THROWS_WITH(parseTourScript("size 160\n", "a.tour"), "a.tour:1: expected a height in pixels");
    CHECK_THROWS_WITH(parseTourScript("frames 10\nat 3 jump\n", "b.tour"),
                      "b.tour:2: unknown 'jump' (head, hand, press, release, stick or grab)");
    CHECK_THROWS_WITH(parseTourScript("at 5 head 0 1 0 look 0 1 -1\nat 5 head 0 1 0 look 0 1 -1\n", "c.tour"),
                      "c.tour:2: keyframes must go forward");
    CHECK_THROWS_WITH(parseTourScript("at 1 press middle select\n", "d.tour"),
                      "d.tour:1: expected left or right, not 'middle'");
    CHECK_THROWS_WITH(parseTourScript("fov 5\n", "e.tour"), "e.tour:1: expected degrees from 10 to 170, not 5");
    CHECK_THROWS_WITH(parseTourScript("size 160 120 extra\n", "f.tour"), "f.tour:1: unexpected 'extra'");
    CHECK_THROWS_AS(loadTourScript("/nowhere/tour.txt"), UserError);
}

TEST_CASE("numbers out of range, not finite or not whole are refused before any conversion", "[tour]") {
    // Found by fuzzing: 1e12 frames was converted to int (undefined behaviour).
    CHECK_THROWS_WITH(parseTourScript("frames 1e12\n", "a.tour"),
                      "a.tour:1: expected a frame count from 1 to 10000000, not 1e12");
    CHECK_THROWS_WITH(parseTourScript("at 2.5 grab left 1\n", "b.tour"),
                      "b.tour:1: expected a frame number as a whole number, not 2.5");
    CHECK_THROWS_WITH(parseTourScript("at 0 head nan 1.6 0 look 0 1 -1\n", "c.tour"),
                      "c.tour:1: expected x y z, not 'nan'");
    CHECK_THROWS_WITH(parseTourScript("at 0 grab left inf\n", "d.tour"), "d.tour:1: expected a squeeze, not 'inf'");
    CHECK_THROWS_WITH(parseTourScript("at 0 head 1e6 1.6 0 look 0 1 -1\n", "e.tour"),
                      "e.tour:1: expected x y z from -100000 to 100000, not 1e6");
}
