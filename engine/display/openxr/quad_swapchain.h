// The swapchain of one quad layer: a head-following panel (the menu, subtitles) the
// runtime's compositor shows on its own, steady and sharp whatever our frame rate (quad
// layers are core OpenXR 1.0). One 2D image per frame, drawn whole by the renderer.
#pragma once

#include "display/openxr/openxr_headers.h"
#include "display/openxr/xr_owned.h"
#include "gpu/owned_handle.h"
#include "render/frame_destination.h"

#include <vector>

namespace usine::display::openxr {

class QuadSwapchain {
public:
    QuadSwapchain(XrSession session, VkDevice device, VkExtent2D extent, std::int64_t format);
    QuadSwapchain(const QuadSwapchain&) = delete;
    QuadSwapchain& operator=(const QuadSwapchain&) = delete;

    VkExtent2D extent() const { return extent_; }
    // Whether a panel of `pixels` fits in the images.
    bool fits(VkExtent2D pixels) const { return pixels.width <= extent_.width && pixels.height <= extent_.height; }
    // The next image, waited for, to draw a panel of `pixels` into its top-left corner
    // (a swapchain is made a little larger than its first panel, so the next texts,
    // a line longer, need no new one).
    render::PanelImage acquire(VkExtent2D pixels);
    void release();
    XrSwapchainSubImage subImage() const;

private:
    VkExtent2D extent_;
    std::int64_t format_;
    OwnedXrSwapchain owned_;
    std::vector<VkImage> images_;
    std::vector<gpu::OwnedImageView> views_;
    std::uint32_t acquired_ = 0;
    VkExtent2D used_{0, 0};
};

} // namespace usine::display::openxr
