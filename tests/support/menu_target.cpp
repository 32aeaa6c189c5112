// The menu's layout, computed the way the visit computes it (see menu_target.h).
#include "support/menu_target.h"

#include "core/data_directory.h"
#include "core/error.h"
#include "ui/font_face.h"
#include "ui/menu.h"
#include "visit/experience.h"

namespace usine::testing {

MenuTarget menuButton(const Pose& head, const std::string& textKey) {
    const ui::Translations texts = ui::Translations::load(dataDirectory() / "texts");
    const std::vector<ui::MenuEntry> menu = ui::loadMenu(dataDirectory() / "menu.toml", texts);
    int index = -1;
    for (std::size_t i = 0; i < menu.size(); ++i)
        if (menu[i].textKey == textKey) index = int(i);
    if (index < 0) throw SystemError("the menu has no entry " + textKey);
    ui::FontFace font;
    ui::SdfGlyphs glyphs(font);
    visit::Experience experience(texts, menu, glyphs);
    visit::RigSettings settings;
    settings.placeHeadAtSpawn = false;
    visit::VisitorRig rig(Pose{}, TrackingOrigin::Floor, settings);
    InputState input;
    rig.update(input, head, 0);
    input.hands[1].menu = true;
    experience.update(input, rig, head, 1.0 / 72);
    const ui::PlacedPanel& panel = experience.panels().at(0);
    const auto& [min, max] = panel.drawing.buttons.at(std::size_t(index));
    auto world = [&](const glm::vec2& point) {
        const glm::vec3 local(point.x - panel.drawing.size.x / 2, panel.drawing.size.y / 2 - point.y, 0);
        return panel.pose.position + panel.pose.orientation * local;
    };
    return {world((min + max) * 0.5f), world({max.x, (min.y + max.y) * 0.5f}),
            panel.pose.orientation * glm::vec3(1, 0, 0), panel.pose, panel.drawing.size};
}

} // namespace usine::testing
