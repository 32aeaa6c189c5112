// Checking what xrEndFrame is given: the blend mode, the time, every layer (projection
// layers need two views whose sub-images lie inside their swapchains, whose swapchains
// have a released image, and whose poses are unit poses; XrCompositionLayerDepthInfoKHR
// may be chained on a view and is counted), and picking the pictures to read back.
#pragma once

#include "session.h"
#include "swapchain.h"

#include <optional>
#include <vector>
#include <string>

namespace usine::test_runtime {

struct SubmittedView {
    const Swapchain* swapchain = nullptr;
    XrRect2Di rect{};
    std::uint32_t arrayIndex = 0;
    XrPosef pose{};
    XrFovf fov{};
};

// A quad layer: its picture, and where it is in STAGE space.
struct SubmittedQuad {
    const Swapchain* swapchain = nullptr;
    XrRect2Di rect{};
    std::uint32_t arrayIndex = 0;
    XrPosef poseInStage{};
    XrExtent2Df size{};
};

struct FrameCheck {
    XrResult result = XR_SUCCESS;
    std::string problem; // what the application got wrong, when result failed
    std::optional<std::array<SubmittedView, 2>> projection; // the first projection layer
    int depthInfos = 0;
    std::vector<SubmittedQuad> quads;
};

// `maxLayers`: the maxLayerCount the runtime reported; `frame`: the frame being ended
// (where spaces are).
FrameCheck checkFrameEnd(const Session& session, const XrFrameEndInfo& info, std::uint32_t maxLayers, double frame);

} // namespace usine::test_runtime
