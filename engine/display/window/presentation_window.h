// A desktop window that shows frames: a GLFW window, its Vulkan surface and swapchain,
// recreated when the window changes size. Used by the desktop display, and by the
// headset display as the spectator view for a projector. GLFW stays in this folder.
#pragma once

#include "gpu/owned_handle.h"
#include "render/frame_destination.h"

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace usine::gpu {
class GpuContext;
}

namespace usine::display::window {

// GLFW set up once per process; says why when there is no window system.
class WindowSystem {
public:
    WindowSystem();  // throws UserError when no window can be opened (no X11/Wayland)
    ~WindowSystem();
    // Vulkan instance extensions a window surface needs, and the device extension.
    static std::vector<std::string> instanceExtensions();
    static const char* deviceExtension();
    // Lets every window of the process handle its events (input, close, resize).
    static void pollEvents();
};

// How a window's frames are paced. A desktop visit follows the screen (vsync). A
// spectator window must never hold back a headset: a 60 Hz projector would otherwise
// pace a 90 Hz headset, so it shows the newest frame it can and skips the others.
enum class WindowPacing { FollowScreen, NeverWait };

class PresentationWindow {
public:
    PresentationWindow(gpu::GpuContext& gpu, const std::string& title, int width, int height,
                       WindowPacing pacing = WindowPacing::FollowScreen);
    ~PresentationWindow();
    PresentationWindow(const PresentationWindow&) = delete;
    PresentationWindow& operator=(const PresentationWindow&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool closeRequested() const;
    VkExtent2D extent() const { return extent_; }

    // The next swapchain image as an output covering the whole window, with the
    // semaphores the frame must wait on and signal; false while minimised (and, with
    // NeverWait, when no image is free right now).
    bool acquire(render::OutputImage& out, VkSemaphore& waitBeforeCopy, VkSemaphore& signalWhenDone);
    void present();

private:
    void createSwapchain();
    void destroySwapchain();
    VkPresentModeKHR presentMode() const;
    bool acquireWithoutWaiting(render::OutputImage& out, VkSemaphore& signalWhenDone);
    // vkAcquireNextImageKHR into current_: false when no image came (none free within
    // `timeout`, or the swapchain is out of date and marked for recreation).
    bool acquireNext(std::uint64_t timeout, VkSemaphore semaphore, VkFence fence);
    // The current image as the frame's output, and the semaphore its frame signals.
    void handOut(render::OutputImage& out, VkSemaphore& signalWhenDone) const;
    void settlePendingAcquire() noexcept;

    gpu::GpuContext& gpu_;
    WindowPacing pacing_;
    GLFWwindow* window_ = nullptr;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
    VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
    VkFormat format_ = VK_FORMAT_UNDEFINED;
    VkExtent2D extent_{0, 0};
    std::vector<VkImage> images_;
    // One pair per swapchain image: "acquired" rotates, "rendered" follows the image.
    std::vector<gpu::OwnedSemaphore> acquired_;
    std::vector<gpu::OwnedSemaphore> rendered_;
    std::uint32_t nextAcquire_ = 0;
    std::uint32_t current_ = 0;
    bool needsRecreate_ = false;
    // NeverWait: an image is acquired with a fence and used only once the fence says the
    // screen has let it go, so the frame that copies into it never waits for the screen.
    gpu::OwnedFence acquiredFence_;
    bool acquirePending_ = false;
};

} // namespace usine::display::window
