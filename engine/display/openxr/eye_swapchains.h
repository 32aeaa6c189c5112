// The runtime's images our frames go into: one array swapchain with a layer per eye
// when the runtime takes it, else one swapchain per eye. Acquired and released around
// each frame. An array swapchain's image is handed to the renderer whole (eyeLayers(),
// drawn into with multiview, no copy); per-eye swapchains as one OutputImage per eye.
#pragma once

#include "display/openxr/openxr_headers.h"
#include "display/openxr/xr_owned.h"
#include "gpu/owned_handle.h"
#include "render/frame_destination.h"

#include <optional>
#include <vector>

namespace usine::display::openxr {

class EyeSwapchains {
public:
    // `depthFormat`: also a depth swapchain (same shape) for XR_KHR_composition_layer_depth;
    // 0 for none.
    // `device`: the session's Vulkan device, for views of the array swapchain's images.
    EyeSwapchains(XrSession session, VkDevice device, VkExtent2D eyeExtent, std::int64_t format,
                  std::int64_t depthFormat);
    EyeSwapchains(const EyeSwapchains&) = delete;
    EyeSwapchains& operator=(const EyeSwapchains&) = delete;

    void acquire();
    void release();

    // The acquired array image with both eyes, to draw into directly; none per eye.
    std::optional<render::EyeLayersImage> eyeLayers() const;
    render::OutputImage output(std::uint32_t eye) const;
    XrSwapchainSubImage subImage(std::uint32_t eye) const;
    bool hasDepth() const { return !depthChains_.empty(); }
    render::OutputImage depthOutput(std::uint32_t eye) const;
    XrSwapchainSubImage depthSubImage(std::uint32_t eye) const;
    bool array() const { return chains_.size() == 1; }

    // The best of the runtime's formats for our sRGB pictures.
    static std::int64_t chooseFormat(XrSession session);
    // `wanted` when the runtime offers it for depth, else 0.
    static std::int64_t depthFormatIfOffered(XrSession session, std::int64_t wanted);

private:
    // Owned: a swapchain made before a later failure (in the constructor, or the array
    // attempt) is destroyed, after the views of its images (declared after it).
    struct Chain {
        OwnedXrSwapchain owned;
        XrSwapchain handle = XR_NULL_HANDLE; // owned.get()
        std::vector<VkImage> images;
        std::vector<gpu::OwnedImageView> views; // an array colour chain's: both layers each
        std::uint32_t acquired = 0;
    };
    void createViews(Chain& chain) const;
    static Chain create(XrSession session, VkExtent2D extent, std::int64_t format, XrSwapchainUsageFlags usage,
                        std::uint32_t arraySize);
    static const Chain& chainOf(const std::vector<Chain>& chains, std::uint32_t eye) {
        return chains[chains.size() == 1 ? 0 : eye];
    }
    static render::OutputImage outputOf(const std::vector<Chain>& chains, std::uint32_t eye, VkExtent2D extent,
                                        std::int64_t format, VkImageLayout layout);
    static XrSwapchainSubImage subImageOf(const std::vector<Chain>& chains, std::uint32_t eye, VkExtent2D extent);

    VkDevice device_;
    VkExtent2D extent_;
    std::int64_t format_;
    std::int64_t depthFormat_;
    std::vector<Chain> chains_;      // colour: one array swapchain, or one per eye
    std::vector<Chain> depthChains_; // depth: the same shape as colour, or none
};

} // namespace usine::display::openxr
