// The menu, the about panel and pointing, through the input a display gives (hands in
// tracking space, buttons, keys): opening, hovering with a buzz, choosing with the
// trigger, a laser 5 cm off a button doing nothing, and the keyboard's way through.
#include "ui/font_face.h"
#include "ui/menu.h"
#include "visit/experience.h"

#include <catch2/catch.hpp>
#include <glm/gtc/quaternion.hpp>

using namespace usine;
using namespace usine::visit;

namespace {

ui::Translations texts() {
    const std::string french = "[menu]\ntitle = \"Menu\"\nlanguage_french = \"Français\"\nlanguage_english = \"English\"\n"
                               "close = \"Fermer\"\nabout = \"À propos\"\n"
                               "[about]\ntitle = \"À propos\"\nbody = \"Usine Ouverte.\"\nversion = \"Version {version}.\"\n"
                               "font_licence = \"Police Inter, SIL Open Font License 1.1.\"\nlibraries = \"OpenAL Soft (LGPL 2).\"\n";
    const std::string english = "[menu]\ntitle = \"Menu\"\nlanguage_french = \"Français\"\nlanguage_english = \"English\"\n"
                                "close = \"Close\"\nabout = \"About\"\n"
                                "[about]\ntitle = \"About\"\nbody = \"Usine Ouverte.\"\nversion = \"Version {version}.\"\n"
                                "font_licence = \"Inter font, SIL Open Font License 1.1.\"\nlibraries = \"OpenAL Soft (LGPL 2).\"\n";
    return ui::Translations::parse(
        {{ui::Language::French, {"fr.toml", french}}, {ui::Language::English, {"en.toml", english}}});
}

std::vector<ui::MenuEntry> menu() {
    return {{"menu.language_french", ui::MenuAction::LanguageFrench},
            {"menu.language_english", ui::MenuAction::LanguageEnglish},
            {"menu.about", ui::MenuAction::About},
            {"menu.close", ui::MenuAction::Close}};
}

struct Fixture {
    ui::Translations words = texts();
    ui::FontFace font;
    ui::SdfGlyphs glyphs{font};
    Experience experience{words, menu(), glyphs};
    Pose head{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.5f, 0)};
    VisitorRig rig{Pose{}, TrackingOrigin::Floor, [] {
                       RigSettings settings;
                       settings.placeHeadAtSpawn = false;
                       return settings;
                   }()};
    InputState input;

    Fixture() { rig.update(input, head, 0.0); }
    ExperienceEvents frame() { return experience.update(input, rig, head, 1.0 / 72); }
    // Pressed for a frame, then released for a frame.
    ExperienceEvents press(bool& button) {
        button = true;
        const ExperienceEvents events = frame();
        button = false;
        frame();
        return events;
    }
    // A key pressed once, between two frames.
    ExperienceEvents press(int& key) {
        key = 1;
        const ExperienceEvents events = frame();
        key = 0;
        frame();
        return events;
    }
    // Where a point of the open panel (metres from its top-left, y down) is in the world.
    glm::vec3 onPanel(const glm::vec2& point) const {
        const ui::PlacedPanel& panel = experience.panels().at(0);
        const glm::vec3 local(point.x - panel.drawing.size.x / 2, panel.drawing.size.y / 2 - point.y, 0);
        return panel.pose.position + panel.pose.orientation * local;
    }
    glm::vec2 buttonCentre(int index) const {
        const auto& [min, max] = experience.panels().at(0).drawing.buttons.at(std::size_t(index));
        return (min + max) * 0.5f;
    }
    // The right hand, held low at the right, pointing at a world point.
    void pointAt(const glm::vec3& target) {
        HandInput& hand = input[Hand::Right];
        hand.tracked = true;
        hand.aim.position = glm::vec3(0.25f, 1.1f, -0.2f);
        hand.aim.orientation = glm::quatLookAtRH(glm::normalize(target - hand.aim.position), glm::vec3(0, 1, 0));
        hand.grip = hand.aim;
    }
};

} // namespace

TEST_CASE("the menu button opens the menu straight ahead, at reading distance", "[experience]") {
    Fixture f;
    f.frame();
    CHECK(f.experience.panels().empty());
    f.press(f.input[Hand::Left].menu);
    REQUIRE(f.experience.panels().size() == 1);
    const Pose& pose = f.experience.panels()[0].pose;
    const glm::vec3 offset = pose.position - f.head.position;
    CHECK(offset.z == Approx(-1.5f).margin(0.01));
    CHECK(offset.x == Approx(0.0f).margin(0.01));
    CHECK(f.experience.panelOpen());
    f.press(f.input[Hand::Left].menu);
    CHECK_FALSE(f.experience.panelOpen());
}

TEST_CASE("pointing at a button buzzes once, the trigger there chooses it", "[experience][pointer]") {
    Fixture f;
    f.press(f.input[Hand::Left].menu);
    f.pointAt(f.onPanel(f.buttonCentre(1))); // "English"
    const ExperienceEvents arrived = f.frame();
    REQUIRE(arrived.hoverTicks.size() == 1);
    CHECK(arrived.hoverTicks[0] == Hand::Right);
    CHECK(f.experience.hovered(Hand::Right) == 1);
    CHECK(f.frame().hoverTicks.empty()); // staying on it does not buzz again
    CHECK(f.experience.state().language == ui::Language::French);
    f.press(f.input[Hand::Right].select);
    CHECK(f.experience.state().language == ui::Language::English);
    CHECK(f.experience.panelOpen()); // the menu stays: the pupil sees it switch
}

TEST_CASE("a laser 5 cm beside a button does nothing", "[experience][pointer]") {
    Fixture f;
    f.press(f.input[Hand::Left].menu);
    const auto& [min, max] = f.experience.panels().at(0).drawing.buttons.at(1);
    f.pointAt(f.onPanel({max.x + 0.05f, (min.y + max.y) / 2}));
    CHECK(f.frame().hoverTicks.empty());
    CHECK_FALSE(f.experience.hovered(Hand::Right));
    f.press(f.input[Hand::Right].select);
    CHECK(f.experience.state().language == ui::Language::French);
    CHECK(f.experience.state().panel == OpenPanel::Menu);
}

TEST_CASE("keyboard: down moves the focus, Enter chooses, Escape closes, then quits", "[experience][keyboard]") {
    Fixture f;
    f.press(f.input[Hand::Left].menu);
    f.press(f.input.keys.down);
    f.press(f.input.keys.enter);
    CHECK(f.experience.state().language == ui::Language::English);
    CHECK_FALSE(f.press(f.input.keys.back).quit); // closes the menu
    CHECK_FALSE(f.experience.panelOpen());
    CHECK(f.press(f.input.keys.back).quit); // nothing open: Escape ends the visit
}

TEST_CASE("two presses in one frame count twice; the mouse resting on a button leaves the arrows free",
          "[experience][keyboard]") {
    Fixture f;
    f.press(f.input[Hand::Left].menu);
    f.pointAt(f.onPanel(f.buttonCentre(0))); // the pointer rests on the first entry
    f.frame();
    f.input.keys.down = 2; // two taps before the next frame
    f.frame();
    f.input.keys.down = 0;
    f.frame();
    CHECK(f.experience.state().menu.focus == 2);
    f.input.keys.back = 2; // Escape twice: closes the menu, then ends the visit
    CHECK(f.frame().quit);
}

TEST_CASE("the about panel shows the version and every licence, and closes", "[experience][about]") {
    Fixture f;
    f.press(f.input[Hand::Left].menu);
    f.press(f.input.keys.down);
    f.press(f.input.keys.down);
    f.press(f.input.keys.enter);
    REQUIRE(f.experience.state().panel == OpenPanel::About);
    const ui::PanelDrawing& about = f.experience.panels().at(0).drawing;
    CHECK(about.buttons.size() == 1);
    std::size_t glyphs = 0;
    for (const ui::PanelQuad& quad : about.quads) glyphs += quad.glyph ? 1 : 0;
    CHECK(glyphs > 60); // title, body, version, two licence lines and the button
    f.press(f.input.keys.back);
    CHECK_FALSE(f.experience.panelOpen());
}
