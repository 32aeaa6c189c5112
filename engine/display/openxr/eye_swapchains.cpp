// Swapchain creation (array first, per eye as a fallback), acquisition and release.
#include "display/openxr/eye_swapchains.h"

#include "core/error.h"
#include "core/log.h"
#include "display/openxr/xr_check.h"
#include "display/openxr/xr_struct.h"

#include <algorithm>

namespace usine::display::openxr {

std::int64_t EyeSwapchains::chooseFormat(XrSession session) {
    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateSwapchainFormats(session, 0, &count, nullptr));
    std::vector<std::int64_t> formats(count);
    XR_CHECK(xrEnumerateSwapchainFormats(session, count, &count, formats.data()));
    // sRGB formats let the compositor read our sRGB-encoded pictures as they are meant.
    for (std::int64_t wanted : {VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB})
        if (std::find(formats.begin(), formats.end(), wanted) != formats.end()) return wanted;
    throw SystemError("the OpenXR runtime offers no sRGB swapchain format");
}

EyeSwapchains::EyeSwapchains(XrSession session, VkExtent2D eyeExtent, std::int64_t format)
    : extent_(eyeExtent), format_(format) {
    // One array swapchain is one acquire per frame and lets multiview write both eyes;
    // runtimes may refuse arrays, then each eye gets its own swapchain.
    try {
        create(session, 2);
    } catch (const XrFailure& failure) {
        if (failure.sessionLost() || failure.instanceLost()) throw;
        log::debug("the OpenXR runtime refused an array swapchain; using one per eye");
        for (Chain& chain : chains_) xrDestroySwapchain(chain.handle);
        chains_.clear();
        create(session, 1);
        create(session, 1);
    }
}

EyeSwapchains::~EyeSwapchains() {
    for (Chain& chain : chains_) xrDestroySwapchain(chain.handle);
}

void EyeSwapchains::create(XrSession session, std::uint32_t arraySize) {
    auto info = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
    info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;
    info.format = format_;
    info.sampleCount = 1;
    info.width = extent_.width;
    info.height = extent_.height;
    info.faceCount = 1;
    info.arraySize = arraySize;
    info.mipCount = 1;
    Chain chain;
    XR_CHECK(xrCreateSwapchain(session, &info, &chain.handle));
    chains_.push_back(chain);
    Chain& made = chains_.back();
    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateSwapchainImages(made.handle, 0, &count, nullptr));
    std::vector<XrSwapchainImageVulkanKHR> images(count,
                                                  xrStruct<XrSwapchainImageVulkanKHR>(XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR));
    XR_CHECK(xrEnumerateSwapchainImages(made.handle, count, &count,
                                        reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())));
    for (const auto& image : images) made.images.push_back(image.image);
}

void EyeSwapchains::acquire() {
    for (Chain& chain : chains_) {
        XR_CHECK(xrAcquireSwapchainImage(chain.handle, nullptr, &chain.acquired));
        auto wait = xrStruct<XrSwapchainImageWaitInfo>(XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO);
        wait.timeout = XR_INFINITE_DURATION;
        XR_CHECK(xrWaitSwapchainImage(chain.handle, &wait));
    }
}

void EyeSwapchains::release() {
    for (Chain& chain : chains_) {
        auto info = xrStruct<XrSwapchainImageReleaseInfo>(XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO);
        XR_CHECK(xrReleaseSwapchainImage(chain.handle, &info));
    }
}

render::OutputImage EyeSwapchains::output(std::uint32_t eye) const {
    const Chain& chain = chainOf(eye);
    render::OutputImage out;
    out.eye = eye;
    out.image = chain.images.at(chain.acquired);
    out.layer = array() ? eye : 0;
    out.extent = extent_;
    out.format = static_cast<VkFormat>(format_);
    // XR_KHR_vulkan_enable: images are handed over, and must be given back, in this layout.
    out.layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    out.keepOtherContents = false;
    return out;
}

XrSwapchainSubImage EyeSwapchains::subImage(std::uint32_t eye) const {
    XrSwapchainSubImage sub{};
    sub.swapchain = chainOf(eye).handle;
    sub.imageRect.extent = {static_cast<std::int32_t>(extent_.width), static_cast<std::int32_t>(extent_.height)};
    sub.imageArrayIndex = array() ? eye : 0;
    return sub;
}

} // namespace usine::display::openxr
