// A quad layer's swapchain (see quad_swapchain.h).
#include "display/openxr/quad_swapchain.h"

#include "display/openxr/xr_check.h"
#include "display/openxr/xr_struct.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>

namespace usine::display::openxr {

QuadSwapchain::QuadSwapchain(XrSession session, VkDevice device, VkExtent2D extent, std::int64_t format)
    : extent_(extent), format_(format) {
    auto info = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
    // Drawn into, nothing else: the renderer only renders into these images.
    info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
    info.format = format;
    info.sampleCount = 1;
    info.width = extent.width;
    info.height = extent.height;
    info.faceCount = 1;
    info.arraySize = 1;
    info.mipCount = 1;
    XR_CHECK(xrCreateSwapchain(session, &info, owned_.put()));
    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateSwapchainImages(owned_.get(), 0, &count, nullptr));
    std::vector<XrSwapchainImageVulkanKHR> images(count,
                                                  xrStruct<XrSwapchainImageVulkanKHR>(XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR));
    XR_CHECK(xrEnumerateSwapchainImages(owned_.get(), count, &count,
                                        reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())));
    for (const auto& image : images) {
        images_.push_back(image.image);
        auto viewInfo = gpu::vkStruct<VkImageViewCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO);
        viewInfo.image = image.image;
        viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
        viewInfo.format = static_cast<VkFormat>(format);
        viewInfo.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkImageView view = VK_NULL_HANDLE;
        VK_CHECK(vkCreateImageView(device, &viewInfo, nullptr, &view));
        views_.emplace_back(device, view);
    }
}

render::PanelImage QuadSwapchain::acquire(VkExtent2D pixels) {
    used_ = {std::min(pixels.width, extent_.width), std::min(pixels.height, extent_.height)};
    XR_CHECK(xrAcquireSwapchainImage(owned_.get(), nullptr, &acquired_));
    auto wait = xrStruct<XrSwapchainImageWaitInfo>(XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO);
    wait.timeout = XR_INFINITE_DURATION;
    XR_CHECK(xrWaitSwapchainImage(owned_.get(), &wait));
    // XR_KHR_vulkan_enable: handed over, and given back, in the attachment layout.
    return {images_.at(acquired_), views_.at(acquired_).get(), static_cast<VkFormat>(format_), used_,
            VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
}

void QuadSwapchain::release() {
    auto info = xrStruct<XrSwapchainImageReleaseInfo>(XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO);
    XR_CHECK(xrReleaseSwapchainImage(owned_.get(), &info));
}

XrSwapchainSubImage QuadSwapchain::subImage() const {
    XrSwapchainSubImage sub{};
    sub.swapchain = owned_.get();
    sub.imageRect.extent = {static_cast<std::int32_t>(used_.width), static_cast<std::int32_t>(used_.height)};
    return sub;
}

} // namespace usine::display::openxr
