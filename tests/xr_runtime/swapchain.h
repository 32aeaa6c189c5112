// An XrSwapchain: its creation parameters, its Vulkan images and where the application
// stands in the acquire -> wait -> release cycle.
#pragma once

#include "swapchain_images.h"

#include <deque>
#include <memory>

namespace usine::test_runtime {

struct Session;

struct Swapchain {
    std::uint64_t id = 0; // the XrSwapchain handle value
    Session* session = nullptr;
    XrSwapchainCreateInfo info{}; // next cleared
    std::unique_ptr<SwapchainImages> images;
    std::deque<std::uint32_t> acquired; // oldest first
    std::size_t waited = 0;             // of the acquired images, how many were waited for
    std::uint32_t nextIndex = 0;        // images are handed out round-robin
    std::int64_t lastReleased = -1;     // the image a layer shows; -1 before any release
    bool everAcquired = false;          // a static swapchain is acquired once only
};

} // namespace usine::test_runtime
