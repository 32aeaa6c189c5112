// The display choice of `usine visit`: a headset when one answers, else a window when
// there is a screen, else headless; the reason is always given.
#include "app/display_choice.h"

#include <catch2/catch.hpp>

using namespace usine::app;

TEST_CASE("without --mode: headset, else window, else headless, each with its reason", "[choice]") {
    DisplayProbe headset;
    headset.screen = true;
    CHECK(chooseDisplay(std::nullopt, headset).mode == DisplayMode::Headset);

    DisplayProbe noHeadset;
    noHeadset.headsetUnavailable = "the OpenXR runtime found no headset within 10 s";
    noHeadset.screen = true;
    const DisplayDecision window = chooseDisplay(std::nullopt, noHeadset);
    CHECK(window.mode == DisplayMode::Window);
    CHECK_THAT(window.reason, Catch::StartsWith("the OpenXR runtime found no headset within 10 s"));

    noHeadset.screen = false;
    const DisplayDecision headless = chooseDisplay(std::nullopt, noHeadset);
    CHECK(headless.mode == DisplayMode::Headless);
    CHECK_THAT(headless.reason, Catch::Contains("no screen"));
}

TEST_CASE("--mode is obeyed whatever is found", "[choice]") {
    DisplayProbe nothing;
    nothing.headsetUnavailable = "no OpenXR runtime is installed";
    CHECK(chooseDisplay(DisplayMode::Headset, nothing).mode == DisplayMode::Headset);
    CHECK(chooseDisplay(DisplayMode::Headless, DisplayProbe{}).mode == DisplayMode::Headless);
    CHECK(parseDisplayMode("xr") == DisplayMode::Headset);
    CHECK(parseDisplayMode("desktop") == DisplayMode::Window);
    CHECK_FALSE(parseDisplayMode("vr"));
}
