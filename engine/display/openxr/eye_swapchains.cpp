// Swapchain creation (array first, per eye as a fallback), acquisition and release.
#include "display/openxr/eye_swapchains.h"

#include "core/error.h"
#include "core/log.h"
#include "display/openxr/xr_check.h"
#include "display/openxr/xr_struct.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>

namespace usine::display::openxr {
namespace {

std::vector<std::int64_t> formatsOf(XrSession session) {
    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateSwapchainFormats(session, 0, &count, nullptr));
    std::vector<std::int64_t> formats(count);
    XR_CHECK(xrEnumerateSwapchainFormats(session, count, &count, formats.data()));
    return formats;
}

constexpr XrSwapchainUsageFlags kColorUsage = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;
constexpr XrSwapchainUsageFlags kDepthUsage =
    XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;

// XR_KHR_vulkan_enable's mapping of the usage we ask for. A runtime may create the
// images with more (Monado adds SAMPLED), never with less: only this may be relied on.
VkImageUsageFlags vulkanUsageOf(XrSwapchainUsageFlags usage) {
    VkImageUsageFlags vk = 0;
    if (usage & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT) vk |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT) vk |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT) vk |= VK_IMAGE_USAGE_STORAGE_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT) vk |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT) vk |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (usage & XR_SWAPCHAIN_USAGE_SAMPLED_BIT) vk |= VK_IMAGE_USAGE_SAMPLED_BIT;
    return vk;
}

} // namespace

std::int64_t EyeSwapchains::chooseFormat(XrSession session) {
    const auto formats = formatsOf(session);
    // sRGB formats let the compositor read our sRGB-encoded pictures as they are meant.
    for (std::int64_t wanted : {VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB})
        if (std::find(formats.begin(), formats.end(), wanted) != formats.end()) return wanted;
    throw SystemError("the OpenXR runtime offers no sRGB swapchain format");
}

std::int64_t EyeSwapchains::depthFormatIfOffered(XrSession session, std::int64_t wanted) {
    const auto formats = formatsOf(session);
    return std::find(formats.begin(), formats.end(), wanted) != formats.end() ? wanted : 0;
}

EyeSwapchains::EyeSwapchains(XrSession session, VkDevice device, VkExtent2D eyeExtent, std::int64_t format,
                             std::int64_t depthFormat)
    : device_(device), extent_(eyeExtent), format_(format), depthFormat_(depthFormat) {
    // One array swapchain is one acquire per frame and lets multiview write both eyes;
    // runtimes may refuse arrays, then each eye gets its own swapchain.
    try {
        chains_.push_back(create(session, extent_, format_, kColorUsage, 2));
        if (depthFormat_) depthChains_.push_back(create(session, extent_, depthFormat_, kDepthUsage, 2));
        createViews(chains_.front());
    } catch (const XrFailure& failure) {
        if (failure.sessionLost() || failure.instanceLost()) throw;
        log::debug("the OpenXR runtime refused an array swapchain; using one per eye");
        chains_.clear(); // destroys them

        depthChains_.clear();
        for (int eye = 0; eye < 2; ++eye) {
            chains_.push_back(create(session, extent_, format_, kColorUsage, 1));
            if (depthFormat_) depthChains_.push_back(create(session, extent_, depthFormat_, kDepthUsage, 1));
        }
    }
}

void EyeSwapchains::createViews(Chain& chain) const {
    for (VkImage image : chain.images) {
        auto info = gpu::vkStruct<VkImageViewCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO);
        info.image = image;
        info.viewType = VK_IMAGE_VIEW_TYPE_2D_ARRAY;
        info.format = static_cast<VkFormat>(format_);
        info.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 2};
        VkImageView view = VK_NULL_HANDLE;
        VK_CHECK(vkCreateImageView(device_, &info, nullptr, &view));
        chain.views.emplace_back(device_, view);
    }
}

std::optional<render::EyeLayersImage> EyeSwapchains::eyeLayers() const {
    if (!array() || chains_.front().views.empty()) return std::nullopt;
    const Chain& chain = chains_.front();
    render::EyeLayersImage eyes;
    eyes.image = chain.images.at(chain.acquired);
    eyes.view = chain.views.at(chain.acquired).get();
    eyes.format = static_cast<VkFormat>(format_);
    eyes.extent = extent_;
    eyes.layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL; // XR_KHR_vulkan_enable's rule
    eyes.usage = vulkanUsageOf(kColorUsage);
    return eyes;
}

EyeSwapchains::Chain EyeSwapchains::create(XrSession session, VkExtent2D extent, std::int64_t format,
                                           XrSwapchainUsageFlags usage, std::uint32_t arraySize) {
    auto info = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
    info.usageFlags = usage;
    info.format = format;
    info.sampleCount = 1;
    info.width = extent.width;
    info.height = extent.height;
    info.faceCount = 1;
    info.arraySize = arraySize;
    info.mipCount = 1;
    Chain chain;
    XR_CHECK(xrCreateSwapchain(session, &info, chain.owned.put()));
    chain.handle = chain.owned.get();
    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateSwapchainImages(chain.handle, 0, &count, nullptr));
    std::vector<XrSwapchainImageVulkanKHR> images(count,
                                                  xrStruct<XrSwapchainImageVulkanKHR>(XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR));
    XR_CHECK(xrEnumerateSwapchainImages(chain.handle, count, &count,
                                        reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())));
    for (const auto& image : images) chain.images.push_back(image.image);
    return chain;
}

void EyeSwapchains::acquire() {
    for (std::vector<Chain>* chains : {&chains_, &depthChains_}) {
        for (Chain& chain : *chains) {
            XR_CHECK(xrAcquireSwapchainImage(chain.handle, nullptr, &chain.acquired));
            auto wait = xrStruct<XrSwapchainImageWaitInfo>(XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO);
            wait.timeout = XR_INFINITE_DURATION;
            XR_CHECK(xrWaitSwapchainImage(chain.handle, &wait));
        }
    }
}

void EyeSwapchains::release() {
    for (std::vector<Chain>* chains : {&chains_, &depthChains_}) {
        for (Chain& chain : *chains) {
            auto info = xrStruct<XrSwapchainImageReleaseInfo>(XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO);
            XR_CHECK(xrReleaseSwapchainImage(chain.handle, &info));
        }
    }
}

render::OutputImage EyeSwapchains::outputOf(const std::vector<Chain>& chains, std::uint32_t eye, VkExtent2D extent,
                                            std::int64_t format, VkImageLayout layout) {
    const Chain& chain = chainOf(chains, eye);
    render::OutputImage out;
    out.eye = eye;
    out.image = chain.images.at(chain.acquired);
    out.layer = chains.size() == 1 ? eye : 0;
    out.extent = extent;
    out.format = static_cast<VkFormat>(format);
    out.layout = layout;
    out.keepOtherContents = false;
    return out;
}

XrSwapchainSubImage EyeSwapchains::subImageOf(const std::vector<Chain>& chains, std::uint32_t eye, VkExtent2D extent) {
    XrSwapchainSubImage sub{};
    sub.swapchain = chainOf(chains, eye).handle;
    sub.imageRect.extent = {static_cast<std::int32_t>(extent.width), static_cast<std::int32_t>(extent.height)};
    sub.imageArrayIndex = chains.size() == 1 ? eye : 0;
    return sub;
}

// XR_KHR_vulkan_enable: images are handed over, and must be given back, in these layouts.
render::OutputImage EyeSwapchains::output(std::uint32_t eye) const {
    return outputOf(chains_, eye, extent_, format_, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
}

render::OutputImage EyeSwapchains::depthOutput(std::uint32_t eye) const {
    return outputOf(depthChains_, eye, extent_, depthFormat_, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL);
}

XrSwapchainSubImage EyeSwapchains::subImage(std::uint32_t eye) const { return subImageOf(chains_, eye, extent_); }

XrSwapchainSubImage EyeSwapchains::depthSubImage(std::uint32_t eye) const {
    return subImageOf(depthChains_, eye, extent_);
}

} // namespace usine::display::openxr
