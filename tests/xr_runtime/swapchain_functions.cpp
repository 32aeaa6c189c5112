// Swapchain entry points: formats, creation (checked against the specification, the
// Vulkan device's limits and the no-array-swapchains fault), the images, and the
// acquire -> wait -> release cycle with its ordering rules.
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

constexpr std::uint32_t kImagesPerSwapchain = 3;
constexpr std::uint32_t kMaxSide = 8192;
constexpr XrSwapchainUsageFlags kCoreUsage = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT |
                                             XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                                             XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT |
                                             XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT | XR_SWAPCHAIN_USAGE_SAMPLED_BIT |
                                             XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT;

// Everything about a create info that the runtime refuses, with the error to answer;
// XR_SUCCESS when it is acceptable.
XrResult checkCreateInfo(const Session& session, const XrSwapchainCreateInfo& info, std::string& problem) {
    const auto& formats = swapchainFormats();
    const VkFormat format = VkFormat(info.format);
    if (info.createFlags & ~XrSwapchainCreateFlags(XR_SWAPCHAIN_CREATE_PROTECTED_CONTENT_BIT | XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT)) {
        problem = "unknown createFlags bits";
        return XR_ERROR_VALIDATION_FAILURE;
    }
    if (info.createFlags & XR_SWAPCHAIN_CREATE_PROTECTED_CONTENT_BIT) {
        problem = "protected content is not supported";
        return XR_ERROR_FEATURE_UNSUPPORTED;
    }
    if (info.usageFlags & ~kCoreUsage) {
        problem = "usage flags of an extension that is not enabled";
        return XR_ERROR_FEATURE_UNSUPPORTED;
    }
    if (std::find(formats.begin(), formats.end(), info.format) == formats.end()) {
        problem = "format " + std::to_string(info.format) + " is not one xrEnumerateSwapchainFormats offers";
        return XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED;
    }
    const bool depth = isDepthFormat(format);
    if ((depth && (info.usageFlags & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT)) ||
        (!depth && (info.usageFlags & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT))) {
        problem = "attachment usage does not suit the format";
        return XR_ERROR_FEATURE_UNSUPPORTED;
    }
    if (info.width == 0 || info.height == 0 || info.width > kMaxSide || info.height > kMaxSide ||
        info.arraySize == 0 || info.mipCount == 0 || info.faceCount != 1) {
        problem = "size, arraySize, mipCount or faceCount out of range (faceCount 6 needs XR_KHR_composition_layer_cube)";
        return XR_ERROR_VALIDATION_FAILURE;
    }
    if (info.sampleCount != 1 && info.sampleCount != 2 && info.sampleCount != 4) {
        problem = "sampleCount must be 1, 2 or 4";
        return XR_ERROR_FEATURE_UNSUPPORTED;
    }
    const SwapchainImageSpec spec = imageSpecFor(info);
    if (!session.gpu->supports(spec.format, spec.usage, spec.flags, spec.samples, spec.arrayLayers, spec.mipLevels,
                               spec.width, spec.height)) {
        problem = "the Vulkan device cannot make such an image (usage, samples, layers or size)";
        return XR_ERROR_FEATURE_UNSUPPORTED;
    }
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateSwapchainFormats(XrSession handle, std::uint32_t capacity,
                                                           std::uint32_t* countOutput, std::int64_t* formats) {
    return guarded("xrEnumerateSwapchainFormats", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        return writeArray(capacity, countOutput, formats, swapchainFormats());
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateSwapchain(XrSession handle, const XrSwapchainCreateInfo* info, XrSwapchain* out) {
    return guarded("xrCreateSwapchain", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_SWAPCHAIN_CREATE_INFO) || !out)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateSwapchain: bad create info");
        // The fault plays a runtime that cannot do texture arrays: a refusal the
        // application must cope with, not a mistake of its own.
        if (info->arraySize > 1 && currentRun().script.faults.noArraySwapchains) return XR_ERROR_FEATURE_UNSUPPORTED;
        std::string problem;
        if (const XrResult result = checkCreateInfo(*session, *info, problem); XR_FAILED(result))
            return misuse(result, "xrCreateSwapchain: " + problem);

        auto swapchain = std::make_unique<Swapchain>();
        swapchain->id = objects().newId();
        swapchain->session = session;
        swapchain->info = *info;
        swapchain->info.next = nullptr;
        const bool isStatic = info->createFlags & XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT;
        swapchain->images =
            std::make_unique<SwapchainImages>(*session->gpu, imageSpecFor(*info), isStatic ? 1 : kImagesPerSwapchain);
        Swapchain* added = objects().swapchains.add(std::move(swapchain));
        ++currentRun().report.swapchainsCreated;
        session->swapchains.push_back(added);
        *out = toHandle<XrSwapchain>(added->id);
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrDestroySwapchain(XrSwapchain handle) {
    return guarded("xrDestroySwapchain", [&]() -> XrResult {
        Swapchain* swapchain = objects().swapchains.find(handle);
        if (!swapchain) return XR_ERROR_HANDLE_INVALID;
        destroySwapchain(swapchain);
        ++currentRun().report.swapchainsDestroyed;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateSwapchainImages(XrSwapchain handle, std::uint32_t capacity,
                                                          std::uint32_t* countOutput,
                                                          XrSwapchainImageBaseHeader* images) {
    return guarded("xrEnumerateSwapchainImages", [&]() -> XrResult {
        Swapchain* swapchain = nullptr;
        if (const XrResult result = findSwapchain(handle, swapchain); XR_FAILED(result)) return result;
        const std::vector<VkImage>& vkImages = swapchain->images->images();
        if (!countOutput) return misuse(XR_ERROR_VALIDATION_FAILURE, "xrEnumerateSwapchainImages: null count");
        *countOutput = std::uint32_t(vkImages.size());
        if (capacity == 0) return XR_SUCCESS;
        if (capacity < vkImages.size()) return XR_ERROR_SIZE_INSUFFICIENT;
        auto* vulkanImages = reinterpret_cast<XrSwapchainImageVulkanKHR*>(images);
        for (std::size_t i = 0; i < vkImages.size(); ++i) {
            if (vulkanImages[i].type != XR_TYPE_SWAPCHAIN_IMAGE_VULKAN_KHR)
                return misuse(XR_ERROR_VALIDATION_FAILURE,
                              "xrEnumerateSwapchainImages: elements must be XrSwapchainImageVulkan(2)KHR");
            vulkanImages[i].image = vkImages[i];
        }
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrAcquireSwapchainImage(XrSwapchain handle, const XrSwapchainImageAcquireInfo* info,
                                                       std::uint32_t* index) {
    return guarded("xrAcquireSwapchainImage", [&]() -> XrResult {
        Swapchain* swapchain = nullptr;
        if (const XrResult result = findSwapchain(handle, swapchain); XR_FAILED(result)) return result;
        if ((info && info->type != XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO) || !index)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrAcquireSwapchainImage: bad arguments");
        const std::uint32_t count = std::uint32_t(swapchain->images->images().size());
        if (count == 1 && swapchain->everAcquired && (swapchain->info.createFlags & XR_SWAPCHAIN_CREATE_STATIC_IMAGE_BIT))
            return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrAcquireSwapchainImage: a static swapchain is acquired once");
        if (swapchain->acquired.size() >= count)
            return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrAcquireSwapchainImage: every image is already acquired");
        *index = swapchain->nextIndex;
        swapchain->nextIndex = (swapchain->nextIndex + 1) % count;
        swapchain->acquired.push_back(*index);
        swapchain->everAcquired = true;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrWaitSwapchainImage(XrSwapchain handle, const XrSwapchainImageWaitInfo* info) {
    return guarded("xrWaitSwapchainImage", [&]() -> XrResult {
        Swapchain* swapchain = nullptr;
        if (const XrResult result = findSwapchain(handle, swapchain); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrWaitSwapchainImage: bad wait info");
        if (swapchain->waited >= swapchain->acquired.size())
            return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrWaitSwapchainImage: no acquired image left to wait for");
        ++swapchain->waited; // the runtime never holds an image: it is ready at once
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrReleaseSwapchainImage(XrSwapchain handle, const XrSwapchainImageReleaseInfo* info) {
    return guarded("xrReleaseSwapchainImage", [&]() -> XrResult {
        Swapchain* swapchain = nullptr;
        if (const XrResult result = findSwapchain(handle, swapchain); XR_FAILED(result)) return result;
        if (info && info->type != XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrReleaseSwapchainImage: bad release info");
        if (swapchain->waited == 0)
            return misuse(XR_ERROR_CALL_ORDER_INVALID, "xrReleaseSwapchainImage: no image was waited for");
        swapchain->lastReleased = swapchain->acquired.front();
        swapchain->acquired.pop_front();
        --swapchain->waited;
        return XR_SUCCESS;
    });
}

} // namespace

std::vector<RuntimeFunction> swapchainFunctions() {
    return {
        {"xrEnumerateSwapchainFormats", asVoidFunction(&xrEnumerateSwapchainFormats)},
        {"xrCreateSwapchain", asVoidFunction(&xrCreateSwapchain)},
        {"xrDestroySwapchain", asVoidFunction(&xrDestroySwapchain)},
        {"xrEnumerateSwapchainImages", asVoidFunction(&xrEnumerateSwapchainImages)},
        {"xrAcquireSwapchainImage", asVoidFunction(&xrAcquireSwapchainImage)},
        {"xrWaitSwapchainImage", asVoidFunction(&xrWaitSwapchainImage)},
        {"xrReleaseSwapchainImage", asVoidFunction(&xrReleaseSwapchainImage)},
    };
}

} // namespace usine::test_runtime
