// The simulated display (see frame_display.h).
#include "frame_display.h"

#include "test_run.h"

#include <cstdio>

namespace usine::test_runtime {
namespace {

// Multisampled images are not sampled back, and depth is not a picture.
bool readable(const Swapchain& swapchain) {
    return swapchain.info.sampleCount == 1 && !isDepthFormat(VkFormat(swapchain.info.format));
}

void writeDueCaptures(const Session& session, std::int64_t frameIndex) {
    TestRun& run = currentRun();
    for (std::int64_t capture : run.script.captures) {
        // A capture whose frame was not rendered is taken at the next rendered frame.
        if (capture > frameIndex || run.capturesWritten.count(capture)) continue;
        run.capturesWritten.insert(capture);
        if (!run.outputDirectory.empty())
            session.pictures.write(run.outputDirectory, "capture" + std::to_string(capture) + "-");
    }
}

} // namespace

void displayFrame(Session& session, const FrameCheck& frame, std::int64_t frameIndex) {
    Report& report = currentRun().report;
    report.depthLayersSubmitted += frame.depthInfos;
    report.quadLayersSubmitted += std::int64_t(frame.quads.size());
    report.lastQuadCount = int(frame.quads.size());
    if (!frame.quads.empty()) {
        report.lastQuadPose = frame.quads.front().poseInStage;
        report.lastQuadSize = frame.quads.front().size;
    }
    if (!frame.projection) return;
    const auto& views = *frame.projection;
    report.swapchainArraySize = views[0].swapchain->info.arraySize;
    report.swapchainFormat = views[0].swapchain->info.format;
    if (!readable(*views[0].swapchain) || !readable(*views[1].swapchain)) {
        if (!session.multisampleWarned)
            std::fprintf(stderr, "[usine test runtime] multisampled or depth colour views are not read back\n");
        session.multisampleWarned = true;
        return;
    }
    std::array<EyeSource, 2> sources;
    for (int eye = 0; eye < 2; ++eye) {
        const Swapchain& swapchain = *views[eye].swapchain;
        sources[eye] = EyeSource{swapchain.images->images().at(std::size_t(swapchain.lastReleased)),
                                 VkFormat(swapchain.info.format), swapchain.info.arraySize, views[eye].arrayIndex,
                                 views[eye].rect, swapchain.images->handOverLayout()};
    }
    session.pictures.latest = session.readback->read(sources);
    session.pictures.quad = EyePicture{};
    if (!frame.quads.empty() && readable(*frame.quads.front().swapchain)) {
        // The first quad's picture, sampled the same way (read as a pair: the reader's shape).
        const SubmittedQuad& quad = frame.quads.front();
        const EyeSource source{quad.swapchain->images->images().at(std::size_t(quad.swapchain->lastReleased)),
                               VkFormat(quad.swapchain->info.format), quad.swapchain->info.arraySize, quad.arrayIndex,
                               quad.rect, quad.swapchain->images->handOverLayout()};
        session.pictures.quad = session.readback->read({source, source})[0];
    }
    session.pictures.unsaved = true;
    ++report.framesReadBack;
    for (int eye = 0; eye < 2; ++eye) {
        const EyePicture& picture = session.pictures.latest[eye];
        report.eyeDrawnPixels[eye] = countDrawnPixels(picture);
        report.eyeWidth[eye] = picture.width;
        report.eyeHeight[eye] = picture.height;
    }
    writeDueCaptures(session, frameIndex);
}

} // namespace usine::test_runtime
