// One-frame-at-a-time stereo rendering with timing.
#include "render/stereo_renderer.h"

#include "core/stopwatch.h"
#include "core/text.h"
#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

namespace usine::render {

using namespace usine::gpu;

VkSampleCountFlagBits defaultSamples(const GpuCapabilities& device) {
    return device.type == VK_PHYSICAL_DEVICE_TYPE_CPU ? VK_SAMPLE_COUNT_1_BIT : VK_SAMPLE_COUNT_4_BIT;
}

std::string describeSamples(VkSampleCountFlagBits samples, bool chosenForDevice) {
    std::string text = concat(int(samples), "x MSAA");
    if (chosenForDevice)
        text += samples == VK_SAMPLE_COUNT_1_BIT ? " (the default on a CPU device)" : " (the default on a graphics card)";
    return text;
}

std::string StereoRenderer::detailText() const {
    return maxPixelError_ > 0 ? concat("levels of detail within ", fixed(maxPixelError_, 0), " pixel") : "full detail";
}

StereoRenderer::StereoRenderer(GpuContext& context, const scene::Scene& scene,
                                               const RenderSettings& settings)
    : context_(context), scene_(scene),
      samplesChosenForDevice_(!settings.samples), maxPixelError_(settings.maxPixelError),
      target_(context, settings.eyeExtent, settings.samples.value_or(defaultSamples(context.capabilities())),
              settings.passes.value_or(preferredStereoPasses(context.capabilities())), settings.keepDepth),
      renderer_(context, StereoTarget::kColorFormat, StereoTarget::kDepthFormat, target_.samples(), target_.passes()),
      timer_(context) {
    Stopwatch upload;
    gpuScene_ = std::make_unique<GpuScene>(context, scene, renderer_.instanceSetLayout(), renderer_.textureSetLayout());
    uploadMs_ = upload.elapsedMs();

    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = context.queueFamily();
    VkCommandPool pool;
    VK_CHECK(vkCreateCommandPool(context.device(), &poolInfo, nullptr, &pool));
    commandPool_ = OwnedCommandPool(context.device(), pool);
    auto allocate = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
    allocate.commandPool = pool;
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = 1;
    VK_CHECK(vkAllocateCommandBuffers(context.device(), &allocate, &commands_));
    auto fenceInfo = vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
    VkFence fence;
    VK_CHECK(vkCreateFence(context.device(), &fenceInfo, nullptr, &fence));
    frameDone_ = OwnedFence(context.device(), fence);
}

void StereoRenderer::setPanels(ui::SdfGlyphs& glyphs, const std::vector<PlacedPanel>& panels,
                               const std::vector<ui::PanelDrawing>& pictures) {
    if (!panels_ && panels.empty() && pictures.empty()) return; // no panel yet: no pipeline either
    if (!panels_)
        panels_ = std::make_unique<PanelRenderer>(context_, glyphs, renderer_.frameSetLayout(), StereoTarget::kColorFormat,
                                                  StereoTarget::kDepthFormat, target_.samples(),
                                                  target_.passes() == StereoPasses::OneMultiviewPass ? 0b11u : 0u);
    panels_->setPanels(panels, pictures);
}

FrameTiming StereoRenderer::renderFrame(const StereoCamera& camera, const FrameDestination& destination) {
    FrameTiming timing;
    Stopwatch total;
    constexpr std::uint32_t kSlot = 0; // one frame at a time for now
    const FrameUniforms uniforms = makeFrameUniforms(camera, scene_.lighting);
    renderer_.setFrameUniforms(kSlot, uniforms);
    gpuScene_->prepareFrame(scene_, frameViewOf(camera, target_.eyeExtent(), maxPixelError_), kSlot);

    VK_CHECK(vkResetCommandBuffer(commands_, 0));
    auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(commands_, &begin));
    timer_.begin(commands_);
    if (panels_ && !destination.panelImages.empty()) panels_->recordPictures(commands_, destination.panelImages);
    const bool copiedFrom = !destination.outputs.empty() || destination.readBack;
    target_.prepare(commands_, destination.eyeLayers ? &*destination.eyeLayers : nullptr, copiedFrom);
    for (std::uint32_t pass = 0; pass < target_.passCount(); ++pass) {
        target_.beginPass(commands_, pass, scene_.lighting.background);
        renderer_.draw(commands_, *gpuScene_, target_.eyeExtent(), target_.firstEyeOfPass(pass), kSlot);
        // After the scene: panels blend their glyph edges over what is behind them.
        if (panels_) panels_->draw(commands_, target_.eyeExtent(), target_.firstEyeOfPass(pass), renderer_.frameSet(kSlot));
        target_.endPass(commands_);
    }
    target_.finish(commands_);
    timer_.end(commands_);
    std::vector<OutputImage> outputs = destination.outputs;
    if (destination.eyeLayers && !target_.drawsDirectly()) {
        // A display image of another format or size: copied (or scaled) into, eye by eye.
        const EyeLayersImage& eyes = *destination.eyeLayers;
        for (std::uint32_t eye = 0; eye < 2; ++eye)
            outputs.push_back({eye, eyes.image, eye, {0, 0}, eyes.extent, eyes.format, eyes.layout, false});
    }
    if (!outputs.empty()) target_.recordCopyToOutputs(commands_, outputs);
    if (!destination.depthOutputs.empty()) target_.recordCopyDepthToOutputs(commands_, destination.depthOutputs);
    if (destination.readBack) target_.recordReadback(commands_);
    target_.handBack(commands_);
    VK_CHECK(vkEndCommandBuffer(commands_));

    auto commandInfo = vkStruct<VkCommandBufferSubmitInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO);
    commandInfo.commandBuffer = commands_;
    auto submit = vkStruct<VkSubmitInfo2>(VK_STRUCTURE_TYPE_SUBMIT_INFO_2);
    submit.commandBufferInfoCount = 1;
    submit.pCommandBufferInfos = &commandInfo;
    // Only the copy into the display's image waits for it; drawing may start at once.
    auto wait = vkStruct<VkSemaphoreSubmitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO);
    wait.semaphore = destination.waitBeforeCopy;
    wait.stageMask = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT;
    auto signal = vkStruct<VkSemaphoreSubmitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO);
    signal.semaphore = destination.signalWhenDone;
    signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    if (wait.semaphore) {
        submit.waitSemaphoreInfoCount = 1;
        submit.pWaitSemaphoreInfos = &wait;
    }
    if (signal.semaphore) {
        submit.signalSemaphoreInfoCount = 1;
        submit.pSignalSemaphoreInfos = &signal;
    }
    VK_CHECK(vkResetFences(context_.device(), 1, frameDone_.address()));
    VK_CHECK(vkQueueSubmit2(context_.queue(), 1, &submit, frameDone_.get()));
    timing.cpuMs = total.elapsedMs();

    VK_CHECK(vkWaitForFences(context_.device(), 1, frameDone_.address(), VK_TRUE, UINT64_MAX));
    timing.totalMs = total.elapsedMs();
    timing.gpuMs = timer_.readMs();
    return timing;
}

} // namespace usine::render
