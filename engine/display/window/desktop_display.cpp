// Desktop frames: poll the window, move the controls, draw into the swapchain, present.
#include "display/window/desktop_display.h"

#include "core/log.h"
#include "core/text.h"

#include <GLFW/glfw3.h>

namespace usine::display::window {

namespace {
gpu::GpuOptions withWindowExtensions(gpu::GpuOptions options) {
    for (const std::string& name : WindowSystem::instanceExtensions()) options.instanceExtensions.push_back(name);
    options.deviceExtensions.push_back(WindowSystem::deviceExtension());
    return options;
}
} // namespace

DesktopDisplay::DesktopDisplay(const DesktopSettings& settings)
    : gpu_(std::make_unique<gpu::GpuContext>(withWindowExtensions(settings.gpu))),
      window_(std::make_unique<PresentationWindow>(*gpu_, "Usine Ouverte", settings.width, settings.height)),
      eyeExtent_(window_->extent()), controls_(settings.eyeHeight, settings.dominantHand),
      lastFrame_(std::chrono::steady_clock::now()) {
    if (eyeExtent_.width == 0 || eyeExtent_.height == 0) eyeExtent_ = {std::uint32_t(settings.width), std::uint32_t(settings.height)};
    // A key tapped or a click shorter than a frame still counts (a slow laptop, a quick pupil).
    glfwSetInputMode(window_->handle(), GLFW_STICKY_KEYS, GLFW_TRUE);
    glfwSetInputMode(window_->handle(), GLFW_STICKY_MOUSE_BUTTONS, GLFW_TRUE);
    glfwSetWindowUserPointer(window_->handle(), this);
    glfwSetKeyCallback(window_->handle(), &DesktopDisplay::onKey);
    glfwSetWindowTitle(window_->handle(), concat("Usine Ouverte - ", keyHints()).c_str());
    log::info(concat("controls: ", keyHints()));
}

DesktopDisplay::~DesktopDisplay() { gpu_->waitIdleQuietly(); }

std::string DesktopDisplay::description() const {
    return concat("a ", eyeExtent_.width, "x", eyeExtent_.height, " window on ", gpu_->capabilities().name);
}

void DesktopDisplay::onKey(GLFWwindow* window, int key, int, int action, int) {
    auto* display = static_cast<DesktopDisplay*>(glfwGetWindowUserPointer(window));
    if (!display || action != GLFW_PRESS) return; // presses only; held keys do not repeat
    PanelKeys& keys = display->pressedKeys_;
    switch (key) {
    case GLFW_KEY_UP: ++keys.up; break;
    case GLFW_KEY_DOWN: ++keys.down; break;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: ++keys.enter; break;
    case GLFW_KEY_ESCAPE: ++keys.back; break;
    default: break;
    }
}

DeviceSnapshot DesktopDisplay::readDevices() {
    GLFWwindow* w = window_->handle();
    auto down = [&](int key) { return glfwGetKey(w, key) == GLFW_PRESS; };
    DeviceSnapshot devices;
    // GLFW key tokens are physical positions: GLFW_KEY_W is Z on an AZERTY keyboard.
    devices.forward = down(GLFW_KEY_W) || down(GLFW_KEY_UP);
    devices.back = down(GLFW_KEY_S) || down(GLFW_KEY_DOWN);
    devices.left = down(GLFW_KEY_A);
    devices.right = down(GLFW_KEY_D);
    devices.turnLeft = down(GLFW_KEY_Q) || down(GLFW_KEY_LEFT);
    devices.turnRight = down(GLFW_KEY_E) || down(GLFW_KEY_RIGHT);
    devices.select = down(GLFW_KEY_SPACE) || glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    devices.grab = down(GLFW_KEY_F);
    devices.menu = down(GLFW_KEY_TAB);
    devices.keys = pressedKeys_;
    pressedKeys_ = {};
    devices.looking = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
    glfwGetCursorPos(w, &devices.cursor.x, &devices.cursor.y);
    int width = 0, height = 0;
    glfwGetWindowSize(w, &width, &height);
    devices.windowSize = {width, height};
    return devices;
}

FrameStatus DesktopDisplay::beginFrame(Frame& frame) {
    WindowSystem::pollEvents();
    // Escape is the visit's "back" key (closes a panel; quits with none open): the
    // experience decides and asks requestQuit().
    if (quit_ || window_->closeRequested()) return FrameStatus::Quit;
    const auto now = std::chrono::steady_clock::now();
    frame.deltaSeconds = std::chrono::duration<double>(now - lastFrame_).count();
    lastFrame_ = now;

    frame.destination = {};
    render::OutputImage image;
    presenting_ = window_->acquire(image, frame.destination.waitBeforeCopy, frame.destination.signalWhenDone);
    const VkExtent2D extent = presenting_ ? image.extent : eyeExtent_;
    // The picture keeps the window's shape: the field of view follows its aspect.
    const Fov fov = symmetricFov(glm::radians(90.0f), float(extent.width) / float(std::max(1u, extent.height)));
    controls_.update(readDevices(), fov);
    frame.eyes[0] = frame.eyes[1] = EyeView{controls_.head(), fov};
    if (!presenting_) return FrameStatus::Skip; // minimised
    frame.destination.outputs.push_back(image); // the left eye fills the window
    return FrameStatus::Render;
}

void DesktopDisplay::endFrame(const Frame&) {
    if (presenting_) window_->present();
    presenting_ = false;
}

} // namespace usine::display::window
