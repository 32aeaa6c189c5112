// The menu: the shipped entries load and every one has its text in both languages; the
// keys move and choose as a pupil expects; a mistake in the menu file names the line.
#include "core/error.h"
#include "support/test_paths.h"
#include "ui/menu.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::ui;

namespace {
const Translations& shippedTexts() {
    static const Translations texts = Translations::load(testing::sourceDirectory() / "assets" / "texts");
    return texts;
}
std::vector<MenuEntry> shippedMenu() { return loadMenu(testing::sourceDirectory() / "assets" / "menu.toml", shippedTexts()); }
} // namespace

TEST_CASE("the shipped menu offers language, comfort, volume, back to start, about, close", "[ui][menu]") {
    const auto entries = shippedMenu();
    REQUIRE(entries.size() == 9);
    CHECK(entries.front().action == MenuAction::LanguageFrench);
    CHECK(entries.back().action == MenuAction::Close);
    for (const MenuEntry& entry : entries) {
        CHECK_FALSE(shippedTexts().text(entry.textKey, Language::French).empty());
        CHECK_FALSE(shippedTexts().text(entry.textKey, Language::English).empty());
    }
}

TEST_CASE("the menu button opens and closes; arrows move; select chooses; back closes, then quits", "[ui][menu]") {
    const auto entries = shippedMenu();
    MenuState state;
    CHECK_FALSE(pressMenuKey(state, MenuKey::Select, entries).chosen); // closed: nothing to choose
    pressMenuKey(state, MenuKey::MenuButton, entries);
    CHECK(state.open);
    pressMenuKey(state, MenuKey::Down, entries);
    CHECK(pressMenuKey(state, MenuKey::Select, entries).chosen == MenuAction::LanguageEnglish);
    pressMenuKey(state, MenuKey::Up, entries);
    pressMenuKey(state, MenuKey::Up, entries); // wraps to the last entry
    const MenuOutcome close = pressMenuKey(state, MenuKey::Select, entries);
    CHECK(close.chosen == MenuAction::Close);
    CHECK_FALSE(state.open);
    pressMenuKey(state, MenuKey::MenuButton, entries);
    CHECK_FALSE(pressMenuKey(state, MenuKey::Back, entries).quitVisit); // back closes the menu first
    CHECK_FALSE(state.open);
    CHECK(pressMenuKey(state, MenuKey::Back, entries).quitVisit); // with nothing open, it quits
}

TEST_CASE("a mistake in the menu file names the line: unknown action, unknown text, missing fields", "[ui][menu]") {
    const std::string menu = "[[entry]]\ntext = \"menu.about\"\naction = \"fly\"\n\n"
                             "[[entry]]\ntext = \"menu.nothing\"\naction = \"close\"\n\n"
                             "[[entry]]\ntext = \"menu.close\"\n";
    try {
        parseMenu(menu, "menu.toml", shippedTexts());
        FAIL("no error");
    } catch (const UserError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, Catch::Contains("menu.toml:3:10: unknown action 'fly'"));
        CHECK_THAT(message, Catch::Contains("menu.toml:6:8: no text 'menu.nothing' in the translation files"));
        CHECK_THAT(message, Catch::Contains("an entry needs text = \"KEY\" and action = \"NAME\""));
    }
}
