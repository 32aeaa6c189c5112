// GLFW window, Vulkan surface and swapchain.
#include "display/window/presentation_window.h"

#include "core/error.h"
#include "core/text.h"
#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <algorithm>

namespace usine::display::window {

WindowSystem::WindowSystem() {
    glfwSetErrorCallback(nullptr);
    if (!glfwInit()) {
        const char* description = nullptr;
        glfwGetError(&description);
        throw UserError(concat("cannot open a window: ", description ? description : "no window system"));
    }
    if (!glfwVulkanSupported()) {
        glfwTerminate();
        throw UserError("cannot open a window: this window system has no Vulkan support");
    }
}

WindowSystem::~WindowSystem() { glfwTerminate(); }

void WindowSystem::pollEvents() { glfwPollEvents(); }

std::vector<std::string> WindowSystem::instanceExtensions() {
    std::uint32_t count = 0;
    const char** names = glfwGetRequiredInstanceExtensions(&count);
    return std::vector<std::string>(names, names + count);
}

const char* WindowSystem::deviceExtension() { return VK_KHR_SWAPCHAIN_EXTENSION_NAME; }

PresentationWindow::PresentationWindow(gpu::GpuContext& gpu, const std::string& title, int width, int height,
                                       WindowPacing pacing)
    : gpu_(gpu), pacing_(pacing) {
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_) throw UserError("cannot open a window (GLFW could not create it)");
    VK_CHECK(glfwCreateWindowSurface(gpu.instance(), window_, nullptr, &surface_));
    VkBool32 presentable = VK_FALSE;
    VK_CHECK(vkGetPhysicalDeviceSurfaceSupportKHR(gpu.physicalDevice(), gpu.queueFamily(), surface_, &presentable));
    if (!presentable) throw UserError(concat("the GPU '", gpu.capabilities().name, "' cannot show pictures in this window"));
    auto fenceInfo = gpu::vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
    VkFence fence = VK_NULL_HANDLE;
    VK_CHECK(vkCreateFence(gpu.device(), &fenceInfo, nullptr, &fence));
    acquiredFence_ = gpu::OwnedFence(gpu.device(), fence);
    createSwapchain();
}

PresentationWindow::~PresentationWindow() {
    gpu_.waitIdleQuietly();
    settlePendingAcquire(); // a fence may not be destroyed while an acquire will signal it
    destroySwapchain();
    if (surface_) vkDestroySurfaceKHR(gpu_.instance(), surface_, nullptr);
    if (window_) glfwDestroyWindow(window_);
}

bool PresentationWindow::closeRequested() const { return glfwWindowShouldClose(window_); }

void PresentationWindow::createSwapchain() {
    VkSurfaceCapabilitiesKHR caps;
    VK_CHECK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(gpu_.physicalDevice(), surface_, &caps));
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    extent_ = caps.currentExtent.width != UINT32_MAX
                  ? caps.currentExtent
                  : VkExtent2D{std::clamp(std::uint32_t(width), caps.minImageExtent.width, caps.maxImageExtent.width),
                               std::clamp(std::uint32_t(height), caps.minImageExtent.height, caps.maxImageExtent.height)};
    if (extent_.width == 0 || extent_.height == 0) return; // minimised: try again later

    std::uint32_t count = 0;
    VK_CHECK(vkGetPhysicalDeviceSurfaceFormatsKHR(gpu_.physicalDevice(), surface_, &count, nullptr));
    std::vector<VkSurfaceFormatKHR> formats(count);
    VK_CHECK(vkGetPhysicalDeviceSurfaceFormatsKHR(gpu_.physicalDevice(), surface_, &count, formats.data()));
    VkSurfaceFormatKHR chosen = formats.at(0);
    for (const auto& f : formats)
        if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
            f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
            chosen = f;
    format_ = chosen.format;

    auto info = gpu::vkStruct<VkSwapchainCreateInfoKHR>(VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR);
    info.surface = surface_;
    info.minImageCount = std::max(caps.minImageCount, 2u);
    if (caps.maxImageCount) info.minImageCount = std::min(info.minImageCount + 1, caps.maxImageCount);
    info.imageFormat = chosen.format;
    info.imageColorSpace = chosen.colorSpace;
    info.imageExtent = extent_;
    info.imageArrayLayers = 1;
    info.imageUsage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.preTransform = caps.currentTransform;
    info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
    info.presentMode = presentMode();
    info.clipped = VK_TRUE;
    VK_CHECK(vkCreateSwapchainKHR(gpu_.device(), &info, nullptr, &swapchain_));

    VK_CHECK(vkGetSwapchainImagesKHR(gpu_.device(), swapchain_, &count, nullptr));
    images_.resize(count);
    VK_CHECK(vkGetSwapchainImagesKHR(gpu_.device(), swapchain_, &count, images_.data()));
    auto semaphoreInfo = gpu::vkStruct<VkSemaphoreCreateInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO);
    for (std::uint32_t i = 0; i < count; ++i) {
        VkSemaphore a, r;
        VK_CHECK(vkCreateSemaphore(gpu_.device(), &semaphoreInfo, nullptr, &a));
        acquired_.emplace_back(gpu_.device(), a);
        VK_CHECK(vkCreateSemaphore(gpu_.device(), &semaphoreInfo, nullptr, &r));
        rendered_.emplace_back(gpu_.device(), r);
    }
    needsRecreate_ = false;
}

VkPresentModeKHR PresentationWindow::presentMode() const {
    // FIFO is always there and never tears.
    if (pacing_ == WindowPacing::FollowScreen) return VK_PRESENT_MODE_FIFO_KHR;
    std::uint32_t count = 0;
    VK_CHECK(vkGetPhysicalDeviceSurfacePresentModesKHR(gpu_.physicalDevice(), surface_, &count, nullptr));
    std::vector<VkPresentModeKHR> modes(count);
    VK_CHECK(vkGetPhysicalDeviceSurfacePresentModesKHR(gpu_.physicalDevice(), surface_, &count, modes.data()));
    // MAILBOX shows the newest frame without tearing; FIFO is fine too, as acquire() then
    // skips frames rather than wait. (IMMEDIATE would tear on the projector.)
    const bool mailbox = std::find(modes.begin(), modes.end(), VK_PRESENT_MODE_MAILBOX_KHR) != modes.end();
    return mailbox ? VK_PRESENT_MODE_MAILBOX_KHR : VK_PRESENT_MODE_FIFO_KHR;
}

void PresentationWindow::destroySwapchain() {
    acquired_.clear();
    rendered_.clear();
    images_.clear();
    if (swapchain_) vkDestroySwapchainKHR(gpu_.device(), swapchain_, nullptr);
    swapchain_ = VK_NULL_HANDLE;
}

bool PresentationWindow::acquire(render::OutputImage& out, VkSemaphore& waitBeforeCopy, VkSemaphore& signalWhenDone) {
    if (needsRecreate_ || !swapchain_) {
        gpu_.waitIdle();
        settlePendingAcquire();
        destroySwapchain();
        createSwapchain();
        if (!swapchain_) return false;
    }
    if (pacing_ == WindowPacing::NeverWait) {
        waitBeforeCopy = VK_NULL_HANDLE; // the fence has said the image is free
        return acquireWithoutWaiting(out, signalWhenDone);
    }
    const std::uint32_t slot = nextAcquire_;
    if (!acquireNext(UINT64_MAX, acquired_[slot].get(), VK_NULL_HANDLE)) return false;
    nextAcquire_ = (nextAcquire_ + 1) % static_cast<std::uint32_t>(acquired_.size());
    handOut(out, signalWhenDone);
    waitBeforeCopy = acquired_[slot].get();
    return true;
}

bool PresentationWindow::acquireNext(std::uint64_t timeout, VkSemaphore semaphore, VkFence fence) {
    const VkResult result = vkAcquireNextImageKHR(gpu_.device(), swapchain_, timeout, semaphore, fence, &current_);
    if (result == VK_ERROR_OUT_OF_DATE_KHR) {
        needsRecreate_ = true;
        return false;
    }
    if (result == VK_NOT_READY || result == VK_TIMEOUT) return false; // every image is busy
    if (result != VK_SUBOPTIMAL_KHR) VK_CHECK(result);
    return true;
}

void PresentationWindow::handOut(render::OutputImage& out, VkSemaphore& signalWhenDone) const {
    out = render::OutputImage{0, images_[current_], 0, {0, 0}, extent_, format_, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, false};
    signalWhenDone = rendered_[current_].get();
}

void PresentationWindow::settlePendingAcquire() noexcept {
    if (!acquirePending_) return;
    constexpr std::uint64_t kSecond = 1'000'000'000;
    vkWaitForFences(gpu_.device(), 1, acquiredFence_.address(), VK_TRUE, kSecond);
    vkResetFences(gpu_.device(), 1, acquiredFence_.address());
    acquirePending_ = false;
}

bool PresentationWindow::acquireWithoutWaiting(render::OutputImage& out, VkSemaphore& signalWhenDone) {
    if (!acquirePending_) {
        if (!acquireNext(0, VK_NULL_HANDLE, acquiredFence_.get())) return false; // none free now: skip
        acquirePending_ = true;
    }
    // The image is ours, but the screen may still show it: use it in a later frame if so.
    const VkResult status = vkGetFenceStatus(gpu_.device(), acquiredFence_.get());
    if (status == VK_NOT_READY) return false;
    VK_CHECK(status);
    VK_CHECK(vkResetFences(gpu_.device(), 1, acquiredFence_.address()));
    acquirePending_ = false;
    handOut(out, signalWhenDone);
    return true;
}

void PresentationWindow::present() {
    auto info = gpu::vkStruct<VkPresentInfoKHR>(VK_STRUCTURE_TYPE_PRESENT_INFO_KHR);
    const VkSemaphore wait = rendered_[current_].get();
    info.waitSemaphoreCount = 1;
    info.pWaitSemaphores = &wait;
    info.swapchainCount = 1;
    info.pSwapchains = &swapchain_;
    info.pImageIndices = &current_;
    const VkResult result = vkQueuePresentKHR(gpu_.queue(), &info);
    if (result == VK_ERROR_OUT_OF_DATE_KHR || result == VK_SUBOPTIMAL_KHR) {
        needsRecreate_ = true;
        return;
    }
    VK_CHECK(result);
}

} // namespace usine::display::window
