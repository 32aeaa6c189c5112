// Menu, about panel and pointing (see experience.h).
#include "visit/experience.h"

#include "core/version.h"
#include "ui/panel_hit.h"

namespace usine::visit {
namespace {

// Every licence the about panel lists, as text keys (assets/texts/*.toml).
const std::vector<std::string> kLicenceKeys = {"about.version", "about.font_licence", "about.libraries"};

bool pressed(bool now, bool before) { return now && !before; }

} // namespace

Experience::Experience(const ui::Translations& texts, std::vector<ui::MenuEntry> menu, ui::SdfGlyphs& glyphs,
                       const ExperienceState& initial)
    : texts_(texts), menu_(std::move(menu)), glyphs_(glyphs), state_(initial) {}

ui::PanelContent Experience::content() const {
    ui::PanelContent content;
    switch (state_.panel) {
    case OpenPanel::None: break;
    case OpenPanel::Menu:
        content.titleKey = "menu.title";
        for (const ui::MenuEntry& entry : menu_) content.buttonKeys.push_back(entry.textKey);
        break;
    case OpenPanel::About:
        content.titleKey = "about.title";
        content.bodyKey = "about.body";
        content.extraBodyKeys = kLicenceKeys;
        content.buttonKeys = {"menu.close"};
        content.values = {{"version", programVersion()}};
        break;
    }
    return content;
}

void Experience::open(OpenPanel panel) {
    state_.panel = panel;
    state_.menu.open = panel == OpenPanel::Menu;
    state_.menu.focus = 0;
    follow_ = ui::LazyFollow(); // a panel opens straight ahead of the visitor
    hovered_[0] = hovered_[1] = std::nullopt;
}

void Experience::choose(std::size_t entry, ExperienceEvents& events) {
    events.clicked = true;
    if (state_.panel == OpenPanel::About) { // its one button: close
        open(OpenPanel::None);
        return;
    }
    if (state_.panel != OpenPanel::Menu || entry >= menu_.size()) return;
    state_.menu.focus = entry;
    const ui::MenuAction action = menu_[entry].action;
    switch (action) {
    case ui::MenuAction::LanguageFrench: state_.language = ui::Language::French; break;
    case ui::MenuAction::LanguageEnglish: state_.language = ui::Language::English; break;
    case ui::MenuAction::About: open(OpenPanel::About); break;
    case ui::MenuAction::Close: open(OpenPanel::None); break;
    case ui::MenuAction::BackToStart:
        open(OpenPanel::None); // the visitor goes back to the start: the menu's job is done
        events.chosen = action;
        break;
    default: events.chosen = action; break; // comfort settings: the caller changes the rig
    }
}

void Experience::pressKey(ui::MenuKey key, ExperienceEvents& events) {
    if (state_.panel == OpenPanel::About) {
        if (key == ui::MenuKey::Select) choose(0, events);
        if (key == ui::MenuKey::Back || key == ui::MenuKey::MenuButton) open(OpenPanel::None);
        return;
    }
    if (key == ui::MenuKey::Select) {
        if (state_.menu.open) choose(state_.menu.focus, events);
        return;
    }
    const ui::MenuOutcome outcome = ui::pressMenuKey(state_.menu, key, menu_);
    if (outcome.quitVisit) events.quit = true;
    if (state_.menu.open && state_.panel != OpenPanel::Menu) open(OpenPanel::Menu);
    if (!state_.menu.open && state_.panel == OpenPanel::Menu) open(OpenPanel::None);
}

ExperienceEvents Experience::update(const InputState& input, const VisitorRig& rig, const Pose& head,
                                    double deltaSeconds) {
    ExperienceEvents events;
    bool menuButton = false;
    for (const HandInput& hand : input.hands) menuButton |= hand.menu;
    bool menuBefore = false;
    for (const HandInput& hand : previous_.hands) menuBefore |= hand.menu;
    if (pressed(menuButton, menuBefore)) pressKey(ui::MenuKey::MenuButton, events);
    // Panel keys are counts of presses already (PanelKeys), not held states.
    for (int i = 0; i < input.keys.up; ++i) pressKey(ui::MenuKey::Up, events);
    for (int i = 0; i < input.keys.down; ++i) pressKey(ui::MenuKey::Down, events);
    for (int i = 0; i < input.keys.enter; ++i) pressKey(ui::MenuKey::Select, events);
    for (int i = 0; i < input.keys.back; ++i) pressKey(ui::MenuKey::Back, events);

    panels_.clear();
    if (state_.panel != OpenPanel::None) {
        const Pose pose = follow_.update(head, deltaSeconds);
        layOut(pose);
        // Each tracked hand's laser: the button it is on, a buzz when it arrives on one,
        // and the trigger pressed there chooses it. Anywhere else, the trigger does nothing.
        const OpenPanel pointedAt = state_.panel;
        for (int index = 0; index < 2 && state_.panel == pointedAt; ++index) {
            const HandInput& hand = input.hands[index];
            std::optional<int> on;
            if (hand.tracked) {
                const Pose aim = rig.toWorld(hand.aim);
                const ui::Ray ray{aim.position, aim.orientation * glm::vec3(0, 0, -1)};
                if (const auto point = ui::hitPanel(pose, drawing_.size, ray)) on = ui::buttonAt(drawing_, *point);
            }
            const bool arrived = on && on != hovered_[index];
            if (arrived) events.hoverTicks.push_back(Hand(index));
            hovered_[index] = on;
            // The keyboard's focus follows a laser arriving on a button, not one resting
            // there: the arrows still move it while the mouse stays over the menu.
            if (arrived && state_.panel == OpenPanel::Menu) state_.menu.focus = std::size_t(*on);
            // The other hand's trigger is not tested against a panel that just changed.
            if (on && pressed(hand.select, previous_.hands[index].select)) choose(std::size_t(*on), events);
        }
        // A choice may have changed what the panel shows (the language, another panel).
        panels_.clear();
        if (state_.panel != OpenPanel::None) layOut(pose);
    }
    layOutSubtitle(head, deltaSeconds);
    previous_ = input;
    return events;
}

ui::LazyFollowSettings Experience::subtitleFollowSettings() {
    ui::LazyFollowSettings settings;
    // Lower than the menu and a little nearer: both can be read when both are open.
    settings.distance = 1.4f;
    settings.dropBelowEyes = 0.4f;
    return settings;
}

void Experience::layOutSubtitle(const Pose& head, double deltaSeconds) {
    if (!subtitle_) {
        subtitleShown_ = false;
        return;
    }
    if (!subtitleShown_) subtitleFollow_ = ui::LazyFollow(subtitleFollowSettings()); // appears straight ahead
    subtitleShown_ = true;
    const Pose pose = subtitleFollow_.update(head, deltaSeconds);
    const std::pair<std::string, ui::Language> wanted{*subtitle_, state_.language};
    if (subtitleDrawnFor_ != wanted) {
        ui::PanelContent content;
        content.bodyKey = *subtitle_;
        ui::PanelLook look;
        look.readingDistance = 1.4f;
        look.widthDmm = 700; // a long line or two, read at a glance
        subtitleDrawing_ = ui::layoutPanel(content, {}, texts_, state_.language, glyphs_, look);
        subtitleDrawnFor_ = wanted;
    }
    panels_.push_back({pose, subtitleDrawing_, true});
}

void Experience::layOut(const Pose& pose) {
    DrawnFor wanted;
    wanted.panel = state_.panel;
    wanted.language = state_.language;
    if (state_.panel == OpenPanel::Menu) wanted.state.focused = int(state_.menu.focus);
    for (const auto& hovered : hovered_)
        if (hovered) wanted.state.hovered = *hovered;
    if (!drawnFor_ || !(*drawnFor_ == wanted)) {
        drawing_ = ui::layoutPanel(content(), wanted.state, texts_, state_.language, glyphs_);
        drawnFor_ = wanted;
    }
    panels_.clear();
    panels_.push_back({pose, drawing_, true});
}

} // namespace usine::visit
