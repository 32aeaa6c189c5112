// The menu's data and keys (see menu.h).
#include "ui/menu.h"

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"

#include "ui/toml_problems.h"
#include <utility>

namespace usine::ui {
namespace {

constexpr std::pair<const char*, MenuAction> kActions[] = {
    {"language-fr", MenuAction::LanguageFrench}, {"language-en", MenuAction::LanguageEnglish},
    {"toggle-seated", MenuAction::ToggleSeated}, {"snap-turn", MenuAction::SnapTurn},
    {"eye-height", MenuAction::EyeHeight},       {"volume", MenuAction::Volume},
    {"back-to-start", MenuAction::BackToStart},
    {"about", MenuAction::About},                {"close", MenuAction::Close}};

} // namespace

std::vector<MenuEntry> parseMenu(const std::string& text, const std::string& fileName, const Translations& texts) {
    std::vector<std::string> problems;
    std::vector<MenuEntry> entries;
    try {
        const toml::table table = toml::parse(text, fileName);
        const toml::array* list = table["entry"].as_array();
        if (!list || list->empty()) problems.push_back(concat(fileName, ": the menu has no [[entry]]"));
        static const toml::array kNone;
        for (const toml::node& node : list ? *list : kNone) { // by reference: a copy loses the lines
            const toml::table* entry = node.as_table();
            if (!entry) {
                problems.push_back(concat(sourcePosition(fileName, node.source()), ": an entry must be a [[entry]] table"));
                continue;
            }
            for (const auto& [key, value] : *entry)
                if (key.str() != "text" && key.str() != "action")
                    problems.push_back(concat(sourcePosition(fileName, value.source()), ": unknown key '", key.str(), "' (text, action)"));
            const auto textKey = (*entry)["text"].value<std::string>();
            const auto actionName = (*entry)["action"].value<std::string>();
            if (!textKey || !actionName) {
                problems.push_back(concat(sourcePosition(fileName, node.source()), ": an entry needs text = \"KEY\" and action = \"NAME\""));
                continue;
            }
            if (!texts.has(*textKey))
                problems.push_back(concat(sourcePosition(fileName, (*entry)["text"].node()->source()), ": no text '", *textKey,
                                          "' in the translation files"));
            std::optional<MenuAction> action;
            for (const auto& [name, value] : kActions)
                if (*actionName == name) action = value;
            if (!action)
                problems.push_back(concat(sourcePosition(fileName, (*entry)["action"].node()->source()), ": unknown action '",
                                          *actionName, "'"));
            if (action && texts.has(*textKey)) entries.push_back({*textKey, *action});
        }
    } catch (const toml::parse_error& error) {
        problems.push_back(concat(sourcePosition(fileName, error.source()), ": ", error.description()));
    }
    throwProblems(problems);
    return entries;
}

std::vector<MenuEntry> loadMenu(const std::filesystem::path& file, const Translations& texts) {
    return parseMenu(readFileText(file), file.string(), texts);
}

MenuOutcome pressMenuKey(MenuState& state, MenuKey key, const std::vector<MenuEntry>& entries) {
    MenuOutcome outcome;
    switch (key) {
    case MenuKey::MenuButton:
        state.open = !state.open;
        state.focus = 0;
        break;
    case MenuKey::Back:
        if (state.open)
            state.open = false;
        else
            outcome.quitVisit = true;
        break;
    case MenuKey::Up:
        if (state.open && !entries.empty()) state.focus = (state.focus + entries.size() - 1) % entries.size();
        break;
    case MenuKey::Down:
        if (state.open && !entries.empty()) state.focus = (state.focus + 1) % entries.size();
        break;
    case MenuKey::Select:
        if (state.open && state.focus < entries.size()) {
            outcome.chosen = entries[state.focus].action;
            if (*outcome.chosen == MenuAction::Close) state.open = false;
        }
        break;
    }
    return outcome;
}

} // namespace usine::ui
