// Key names in the user's keyboard layout, from GLFW.
#include "display/window/desktop_controls.h"

#include "core/text.h"

#include <GLFW/glfw3.h>
#include <cctype>

namespace usine::display::window {
namespace {
std::string name(int key, const char* fallback) {
    const char* text = glfwGetKeyName(key, 0);
    if (!text || !*text) return fallback;
    std::string upper(text);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upper;
}
} // namespace

std::string keyHints() {
    return concat("walk ", name(GLFW_KEY_W, "W"), " ", name(GLFW_KEY_A, "A"), " ", name(GLFW_KEY_S, "S"), " ",
                  name(GLFW_KEY_D, "D"), " or up/down arrows; turn ", name(GLFW_KEY_Q, "Q"), " ",
                  name(GLFW_KEY_E, "E"), " or left/right arrows; look: hold the right mouse button; point: mouse; select: left click or Space; grab ",
                  name(GLFW_KEY_F, "F"), "; menu: Tab (then arrows and Enter); close the menu, or quit: Escape");
}

} // namespace usine::display::window
