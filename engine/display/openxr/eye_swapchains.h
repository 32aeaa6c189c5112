// The runtime's images our frames go into: one array swapchain with a layer per eye
// when the runtime takes it, else one swapchain per eye. Acquired and released around
// each frame; each eye handed to the renderer as an OutputImage.
#pragma once

#include "display/openxr/openxr_headers.h"
#include "render/frame_destination.h"

#include <vector>

namespace usine::display::openxr {

class EyeSwapchains {
public:
    EyeSwapchains(XrSession session, VkExtent2D eyeExtent, std::int64_t format);
    ~EyeSwapchains();
    EyeSwapchains(const EyeSwapchains&) = delete;
    EyeSwapchains& operator=(const EyeSwapchains&) = delete;

    void acquire();
    void release();

    render::OutputImage output(std::uint32_t eye) const;
    XrSwapchainSubImage subImage(std::uint32_t eye) const;
    bool array() const { return chains_.size() == 1; }

    // The best of the runtime's formats for our sRGB pictures.
    static std::int64_t chooseFormat(XrSession session);

private:
    struct Chain {
        XrSwapchain handle = XR_NULL_HANDLE;
        std::vector<VkImage> images;
        std::uint32_t acquired = 0;
    };
    void create(XrSession session, std::uint32_t arraySize);
    const Chain& chainOf(std::uint32_t eye) const { return chains_[chains_.size() == 1 ? 0 : eye]; }

    VkExtent2D extent_;
    std::int64_t format_;
    std::vector<Chain> chains_;
};

} // namespace usine::display::openxr
