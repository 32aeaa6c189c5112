// Where a rendered stereo frame goes besides the renderer's own target: a display's
// images (a headset's swapchain, a window's swapchain), pictures read back to the CPU,
// and the semaphores that order the work with the display's presentation engine.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>
#include <vulkan/vulkan.h>

namespace usine::render {

// Where one eye's picture goes: a layer and rectangle of a display's image. The image
// is in `layout` before the frame and is left in it again afterwards.
struct OutputImage {
    std::uint32_t eye = 0; // which eye's picture: 0 left, 1 right
    VkImage image = VK_NULL_HANDLE;
    std::uint32_t layer = 0;
    VkOffset2D offset{0, 0};
    VkExtent2D extent{0, 0};
    VkFormat format = VK_FORMAT_UNDEFINED;
    VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
    // False when the previous contents need not survive (the layout may then be UNDEFINED
    // before, and the image is fully overwritten).
    bool keepOtherContents = false;
};

// A display image whose layers 0 and 1 are the left and right eyes (a headset's array
// swapchain image): when it has the target's format and size, the frame is drawn or
// resolved straight into it, with no copy; otherwise it is copied into like an output.
// It is in `layout` before the frame and left in it again afterwards.
struct EyeLayersImage {
    VkImage image = VK_NULL_HANDLE;
    VkImageView view = VK_NULL_HANDLE; // a 2D array view of both layers
    VkFormat format = VK_FORMAT_UNDEFINED;
    VkExtent2D extent{0, 0};
    VkImageLayout layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    // The usage the display *asked* for (a runtime may add more, but only this is
    // promised): the frame never puts the image in a layout this usage does not allow,
    // e.g. TRANSFER_SRC_OPTIMAL without VK_IMAGE_USAGE_TRANSFER_SRC_BIT.
    VkImageUsageFlags usage = 0;
};

// A display image one head-following panel is drawn into on its own (an OpenXR quad
// layer's swapchain image), filled whole. It is in `layout` before the frame and left
// in it again afterwards.
struct PanelImage {
    VkImage image = VK_NULL_HANDLE;
    VkImageView view = VK_NULL_HANDLE; // 2D, for drawing into
    VkFormat format = VK_FORMAT_UNDEFINED;
    VkExtent2D extent{0, 0};
    VkImageLayout layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
};

struct FrameDestination {
    std::optional<EyeLayersImage> eyeLayers; // a headset's array swapchain image
    std::vector<OutputImage> outputs; // a headset's eyes (per-eye swapchains), a window's view, a spectator's copy...
    std::vector<OutputImage> depthOutputs; // each eye's depth (reversed: 1 near, 0 far), for a compositor
    // One per picture panel given to StereoRenderer::setPanels, in the same order.
    std::vector<PanelImage> panelImages;
    bool readBack = false;          // copy both eyes into host memory (StereoRenderer::eyes())
    VkSemaphore waitBeforeCopy = VK_NULL_HANDLE; // e.g. a window's image was acquired
    VkSemaphore signalWhenDone = VK_NULL_HANDLE; // e.g. the image may be presented
};

} // namespace usine::render
