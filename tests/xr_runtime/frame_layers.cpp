// Validation of the layers given to xrEndFrame (see frame_layers.h).
#include "frame_layers.h"

#include "object_registry.h"
#include "pose_math.h"
#include "space_poses.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

struct Failure {
    XrResult result;
    std::string problem;
};

void fail(XrResult result, std::string problem) { throw Failure{result, std::move(problem)}; }

const Swapchain* checkSubImage(const Session& session, const XrSwapchainSubImage& sub, const std::string& where) {
    const Swapchain* swapchain = objects().swapchains.find(sub.swapchain);
    if (!swapchain || swapchain->session != &session) fail(XR_ERROR_HANDLE_INVALID, where + ": unknown swapchain");
    if (swapchain->lastReleased < 0)
        fail(XR_ERROR_LAYER_INVALID, where + ": the swapchain has no released image to show");
    const XrRect2Di& rect = sub.imageRect;
    const bool inside = rect.offset.x >= 0 && rect.offset.y >= 0 && rect.extent.width > 0 && rect.extent.height > 0 &&
                        std::int64_t(rect.offset.x) + rect.extent.width <= std::int64_t(swapchain->info.width) &&
                        std::int64_t(rect.offset.y) + rect.extent.height <= std::int64_t(swapchain->info.height);
    if (!inside)
        fail(XR_ERROR_SWAPCHAIN_RECT_INVALID,
             where + ": imageRect " + std::to_string(rect.offset.x) + "," + std::to_string(rect.offset.y) + " " +
                 std::to_string(rect.extent.width) + "x" + std::to_string(rect.extent.height) + " is outside the " +
                 std::to_string(swapchain->info.width) + "x" + std::to_string(swapchain->info.height) + " swapchain");
    if (sub.imageArrayIndex >= swapchain->info.arraySize)
        fail(XR_ERROR_VALIDATION_FAILURE, where + ": imageArrayIndex beyond the swapchain's arraySize");
    return swapchain;
}

void checkSpace(const Session& session, XrSpace handle, const std::string& where) {
    const Space* space = objects().spaces.find(handle);
    if (!space || space->session != &session) fail(XR_ERROR_HANDLE_INVALID, where + ": unknown space");
}

void checkDepthInfo(const Session& session, const XrCompositionLayerDepthInfoKHR& depth, const std::string& where) {
    const Swapchain* swapchain = checkSubImage(session, depth.subImage, where + " depth info");
    if (!isDepthFormat(VkFormat(swapchain->info.format)))
        fail(XR_ERROR_VALIDATION_FAILURE, where + " depth info: the swapchain is not a depth format");
    if (!(depth.minDepth >= 0 && depth.minDepth <= depth.maxDepth && depth.maxDepth <= 1) || depth.nearZ == depth.farZ)
        fail(XR_ERROR_VALIDATION_FAILURE, where + " depth info: depth range or near/far planes invalid");
}

void checkProjection(const Session& session, const XrCompositionLayerProjection& layer, const std::string& where,
                     FrameCheck& check) {
    checkSpace(session, layer.space, where);
    if (layer.viewCount != 2 || !layer.views)
        fail(XR_ERROR_VALIDATION_FAILURE, where + ": a stereo projection layer needs 2 views, not " +
                                              std::to_string(layer.viewCount));
    std::array<SubmittedView, 2> views;
    for (std::uint32_t eye = 0; eye < 2; ++eye) {
        const XrCompositionLayerProjectionView& view = layer.views[eye];
        const std::string at = where + " view " + std::to_string(eye);
        if (view.type != XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW) fail(XR_ERROR_VALIDATION_FAILURE, at + ": type");
        if (!isValidPose(view.pose)) fail(XR_ERROR_POSE_INVALID, at + ": pose is not a unit pose");
        views[eye] = SubmittedView{checkSubImage(session, view.subImage, at), view.subImage.imageRect,
                                   view.subImage.imageArrayIndex, view.pose, view.fov};
        for (auto* chained = static_cast<const XrBaseInStructure*>(view.next); chained; chained = chained->next) {
            // Without the extension enabled, a depth struct is one the runtime must ignore.
            if (chained->type != XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR || !session.instance->depthLayers) continue;
            checkDepthInfo(session, *reinterpret_cast<const XrCompositionLayerDepthInfoKHR*>(chained), at);
            ++check.depthInfos;
        }
    }
    if (!check.projection) check.projection = views;
}

void checkQuad(const Session& session, const XrCompositionLayerQuad& layer, const std::string& where, double frame,
               FrameCheck& check) {
    checkSpace(session, layer.space, where);
    if (!isValidPose(layer.pose)) fail(XR_ERROR_POSE_INVALID, where + ": pose is not a unit pose");
    if (!(layer.size.width > 0 && layer.size.height > 0)) fail(XR_ERROR_VALIDATION_FAILURE, where + ": size not positive");
    SubmittedQuad quad;
    quad.swapchain = checkSubImage(session, layer.subImage, where);
    quad.rect = layer.subImage.imageRect;
    quad.arrayIndex = layer.subImage.imageArrayIndex;
    const auto base = spaceInStage(session, *objects().spaces.find(layer.space), frame);
    quad.poseInStage = base ? compose(*base, layer.pose) : layer.pose;
    quad.size = layer.size;
    check.quads.push_back(quad);
}

} // namespace

FrameCheck checkFrameEnd(const Session& session, const XrFrameEndInfo& info, std::uint32_t maxLayers, double frame) {
    FrameCheck check;
    try {
        if (info.displayTime <= 0) fail(XR_ERROR_TIME_INVALID, "displayTime <= 0");
        if (info.environmentBlendMode != XR_ENVIRONMENT_BLEND_MODE_OPAQUE)
            fail(XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED, "environmentBlendMode is not OPAQUE");
        if (info.layerCount > maxLayers)
            fail(XR_ERROR_LAYER_LIMIT_EXCEEDED, std::to_string(info.layerCount) + " layers, more than maxLayerCount " +
                                                      std::to_string(maxLayers));
        if (info.layerCount > 0 && !info.layers) fail(XR_ERROR_VALIDATION_FAILURE, "null layers");
        for (std::uint32_t i = 0; i < info.layerCount; ++i) {
            const XrCompositionLayerBaseHeader* layer = info.layers[i];
            const std::string where = "layer " + std::to_string(i);
            if (!layer) fail(XR_ERROR_LAYER_INVALID, where + ": null");
            if (layer->type == XR_TYPE_COMPOSITION_LAYER_PROJECTION)
                checkProjection(session, *reinterpret_cast<const XrCompositionLayerProjection*>(layer), where, check);
            else if (layer->type == XR_TYPE_COMPOSITION_LAYER_QUAD)
                checkQuad(session, *reinterpret_cast<const XrCompositionLayerQuad*>(layer), where, frame, check);
            else
                fail(XR_ERROR_LAYER_INVALID, where + ": unsupported layer type " + std::to_string(layer->type));
        }
    } catch (const Failure& failure) {
        check = FrameCheck{};
        check.result = failure.result;
        check.problem = failure.problem;
    }
    return check;
}

} // namespace usine::test_runtime
