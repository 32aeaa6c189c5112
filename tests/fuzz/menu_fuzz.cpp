// Fuzz target: the menu file (engine/ui/menu.h), data that later issues extend. Any
// bytes must end in entries whose texts exist, or a UserError naming the file.
#include "core/error.h"
#include "ui/menu.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace usine::ui;
    static const Translations texts = Translations::parse(
        {{Language::French, {"fr.toml", "[menu]\nabout = \"À propos\"\nclose = \"Fermer\"\n"}},
         {Language::English, {"en.toml", "[menu]\nabout = \"About\"\nclose = \"Close\"\n"}}});
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const std::vector<MenuEntry> entries = parseMenu(text, "menu.toml", texts);
        for (const MenuEntry& entry : entries)
            if (!texts.has(entry.textKey)) std::abort();
        MenuState state;
        for (MenuKey key : {MenuKey::MenuButton, MenuKey::Down, MenuKey::Up, MenuKey::Up, MenuKey::Select, MenuKey::Back})
            pressMenuKey(state, key, entries);
    } catch (const usine::UserError& error) {
        if (std::string(error.what()).rfind("menu.toml", 0) != 0) std::abort();
    }
    return 0;
}
