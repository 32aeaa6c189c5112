// The menu a pupil opens at any time: its entries are data (assets/menu.toml, one
// [[entry]] each, a text key and an action), its state plain data that the experience
// keeps, and the keys that move through it the same from a headset, a window or a test:
// the menu button (Tab) opens and closes it, up and down move the focus while it is
// open, select (Enter, trigger) chooses, back (Escape) closes it, and quits the visit
// only when no panel is open.
#pragma once

#include "ui/translations.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace usine::ui {

enum class MenuAction {
    LanguageFrench,
    LanguageEnglish,
    ToggleSeated,
    SnapTurn,
    EyeHeight,
    Volume,
    BackToStart,
    About,
    Close
};

struct MenuEntry {
    std::string textKey;
    MenuAction action;
};

// Reads the menu file; every problem at once, "FILE:LINE:COLUMN: what" (an unknown
// action, a text key the translations lack). Throws UserError.
std::vector<MenuEntry> loadMenu(const std::filesystem::path& file, const Translations& texts);
std::vector<MenuEntry> parseMenu(const std::string& text, const std::string& fileName, const Translations& texts);

enum class MenuKey { MenuButton, Up, Down, Select, Back };

struct MenuState {
    bool open = false;
    std::size_t focus = 0; // index of the focused entry while open
};

struct MenuOutcome {
    std::optional<MenuAction> chosen; // what the pupil chose (the caller applies it)
    bool quitVisit = false;           // back with nothing open
};

MenuOutcome pressMenuKey(MenuState& state, MenuKey key, const std::vector<MenuEntry>& entries);

} // namespace usine::ui
