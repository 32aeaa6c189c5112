// The visit as the pupil lives it beyond walking: the menu they open at any time, the
// about panel, the language every word is shown in; pointing at a panel with a
// controller's laser (or the mouse, whose ray is the dominant hand's laser in a window)
// and choosing with the trigger (a click), or moving through it with the keyboard.
// Scripted tours point the same way: their hands go through this same input path.
// The state is plain data (ExperienceState) that outlives displays; sites and jobs will
// add theirs. Pure logic: tested without a GPU.
#pragma once

#include "core/input_state.h"
#include "ui/lazy_follow.h"
#include "ui/menu.h"
#include "ui/panel_layout.h"
#include "visit/visitor_rig.h"

#include <optional>
#include <vector>

namespace usine::visit {

enum class OpenPanel { None, Menu, About };

struct ExperienceState {
    ui::Language language = ui::Language::French;
    ui::MenuState menu;
    OpenPanel panel = OpenPanel::None;
};

struct ExperienceEvents {
    // A menu choice the caller applies (comfort settings, back to start); language,
    // about and close are applied here.
    std::optional<ui::MenuAction> chosen;
    std::vector<Hand> hoverTicks; // a laser moved onto a button: a short buzz in that hand
    bool quit = false;            // back (Escape) with no panel open
    bool clicked = false;         // a button was chosen: the select cue sounds
};

class Experience {
public:
    Experience(const ui::Translations& texts, std::vector<ui::MenuEntry> menu, ui::SdfGlyphs& glyphs,
               const ExperienceState& initial = {});

    // The narration heard now (its text key), shown as a subtitle below the line of
    // sight while it lasts; none hides it. Set each frame before update().
    void setSubtitle(const std::optional<std::string>& key) { subtitle_ = key; }

    // One frame: `input` in tracking space (the rig places it in the world), `head` the
    // head's world pose.
    ExperienceEvents update(const InputState& input, const VisitorRig& rig, const Pose& head, double deltaSeconds);

    const ExperienceState& state() const { return state_; }
    // While a panel is open, the trigger and sticks are for it, not for walking.
    bool panelOpen() const { return state_.panel != OpenPanel::None; }
    // The panels to draw this frame (world space).
    const std::vector<ui::PlacedPanel>& panels() const { return panels_; }
    // The button a hand's laser is on, if any.
    std::optional<int> hovered(Hand hand) const { return hovered_[int(hand)]; }

private:
    ui::PanelContent content() const;
    void open(OpenPanel panel);
    void choose(std::size_t entry, ExperienceEvents& events);
    void pressKey(ui::MenuKey key, ExperienceEvents& events);
    void layOut(const Pose& pose);
    void layOutSubtitle(const Pose& head, double deltaSeconds);

    const ui::Translations& texts_;
    std::vector<ui::MenuEntry> menu_;
    ui::SdfGlyphs& glyphs_;
    ExperienceState state_;
    ui::LazyFollow follow_;
    std::optional<int> hovered_[2];
    InputState previous_;
    std::vector<ui::PlacedPanel> panels_;
    // What the current drawing was made for: laid out again only when it changes.
    struct DrawnFor {
        OpenPanel panel = OpenPanel::None;
        ui::Language language = ui::Language::French;
        ui::PanelState state;
        bool operator==(const DrawnFor&) const = default;
    };
    std::optional<DrawnFor> drawnFor_;
    ui::PanelDrawing drawing_;

    std::optional<std::string> subtitle_;
    ui::LazyFollow subtitleFollow_{subtitleFollowSettings()};
    bool subtitleShown_ = false;
    std::optional<std::pair<std::string, ui::Language>> subtitleDrawnFor_;
    ui::PanelDrawing subtitleDrawing_;
    static ui::LazyFollowSettings subtitleFollowSettings();
};

} // namespace usine::visit
