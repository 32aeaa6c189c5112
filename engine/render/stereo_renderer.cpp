// Stereo rendering, two frames in flight, with timing.
#include "render/stereo_renderer.h"

#include "core/error.h"
#include "core/stopwatch.h"
#include "core/text.h"
#include "gpu/gpu_context.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

namespace usine::render {

using namespace usine::gpu;

namespace {

// How far from the eyes shadows are drawn when inside the scene (a hall): a shadow map
// over more loses the detail of the shadows close by. From outside (a model looked at
// from a distance) the reach extends to the model.
constexpr float kShadowReach = 25.0f;

std::uint32_t shadowMapSize(const GpuCapabilities& device) {
    // A CPU device draws the map's texels too: a quarter of them.
    return device.type == VK_PHYSICAL_DEVICE_TYPE_CPU ? 1024 : 2048;
}

scene::ShadowView shadowViewOf(const StereoCamera& camera, const scene::Scene& scene, std::uint32_t mapSize) {
    const scene::Bounds bounds = scene.bounds();
    if (bounds.empty) return {};
    const glm::vec3 head = (camera.eyes[0].pose.position + camera.eyes[1].pose.position) * 0.5f;
    const float toScene = glm::length(glm::clamp(head, bounds.min, bounds.max) - head);
    const float reach = std::min(camera.farZ, toScene + kShadowReach);
    return scene::fitShadow(camera.eyes, camera.nearZ, reach, bounds, scene.lighting.towardsSun, int(mapSize));
}

} // namespace

VkSampleCountFlagBits defaultSamples(const GpuCapabilities& device) {
    return device.type == VK_PHYSICAL_DEVICE_TYPE_CPU ? VK_SAMPLE_COUNT_1_BIT : VK_SAMPLE_COUNT_4_BIT;
}

bool defaultShadows(const GpuCapabilities& device) { return device.type != VK_PHYSICAL_DEVICE_TYPE_CPU; }

std::string describeSamples(VkSampleCountFlagBits samples, bool chosenForDevice) {
    std::string text = concat(int(samples), "x MSAA");
    if (chosenForDevice)
        text += samples == VK_SAMPLE_COUNT_1_BIT ? " (the default on a CPU device)" : " (the default on a graphics card)";
    return text;
}

StereoRenderer::StereoRenderer(GpuContext& context, const scene::Scene& scene, const RenderSettings& settings)
    : context_(context), scene_(scene),
      samplesChosenForDevice_(!settings.samples), maxPixelError_(settings.maxPixelError), shadows_(settings.shadows.value_or(defaultShadows(context.capabilities()))),
      shadowsChosenForDevice_(!settings.shadows),
      mono_(settings.mono),
      target_(context, settings.eyeExtent, settings.samples.value_or(defaultSamples(context.capabilities())),
              settings.mono ? StereoPasses::OnePassPerEye
                            : settings.passes.value_or(preferredStereoPasses(context.capabilities())),
              settings.keepDepth),
      renderer_(context, StereoTarget::kColorFormat, StereoTarget::kDepthFormat, target_.samples(), target_.passes()) {
    Stopwatch upload;
    gpuScene_ = std::make_unique<GpuScene>(context, scene, renderer_.textureSetLayout());
    uploadMs_ = upload.elapsedMs();
    // Without shadows, a 1-texel map holding none: the mesh shaders always have one.
    shadowMap_ = std::make_unique<ShadowMap>(context, shadows_ ? shadowMapSize(context.capabilities()) : 1,
                                             renderer_.frameSetLayout(), renderer_.shadowSetLayout());

    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = context.queueFamily();
    VkCommandPool pool;
    VK_CHECK(vkCreateCommandPool(context.device(), &poolInfo, nullptr, &pool));
    commandPool_ = OwnedCommandPool(context.device(), pool);
    for (FrameSlot& slot : slots_) {
        auto allocate = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
        allocate.commandPool = pool;
        allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        allocate.commandBufferCount = 1;
        VK_CHECK(vkAllocateCommandBuffers(context.device(), &allocate, &slot.commands));
        auto fenceInfo = vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
        fenceInfo.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        VkFence fence;
        VK_CHECK(vkCreateFence(context.device(), &fenceInfo, nullptr, &fence));
        slot.done = OwnedFence(context.device(), fence);
        slot.timer = std::make_unique<GpuTimer>(context);
    }
    submitter_ = std::make_unique<SubmitThread>(context);
}

StereoRenderer::~StereoRenderer() {
    // Frames still on the GPU use this renderer's buffers, images and command buffers.
    try {
        finishFrames();
    } catch (...) {
        // A lost device: nothing left to wait for.
    }
}

void StereoRenderer::finishFrames() {
    submitter_->waitUntilSubmitted();
    for (FrameSlot& slot : slots_)
        VK_CHECK(vkWaitForFences(context_.device(), 1, slot.done.address(), VK_TRUE, UINT64_MAX));
}

void StereoRenderer::setPanels(ui::SdfGlyphs& glyphs, const std::vector<PlacedPanel>& panels,
                               const std::vector<ui::PanelDrawing>& pictures) {
    if (!panels_ && panels.empty() && pictures.empty()) return; // no panel yet: no pipeline either
    if (!panels_)
        panels_ = std::make_unique<PanelRenderer>(context_, glyphs, renderer_.frameSetLayout(), StereoTarget::kColorFormat,
                                                  StereoTarget::kDepthFormat, target_.samples(),
                                                  target_.passes() == StereoPasses::OneMultiviewPass ? 0b11u : 0u);
    panels_->loadPictures(panels, pictures);
    panelsInWorld_ = panels;
    panelPictures_ = pictures;
}

FrameTiming StereoRenderer::renderFrame(const StereoCamera& camera, const FrameDestination& destination) {
    if (mono_ && (destination.readBack || destination.eyeLayers || !destination.outputs.empty() ||
                  !destination.depthOutputs.empty() || !destination.panelImages.empty()))
        throw SystemError("StereoRenderer: a mono frame has no second eye to show");
    FrameTiming timing;
    Stopwatch total;
    const auto slotIndex = static_cast<std::uint32_t>(frameCount_++ % kFramesInFlight);
    FrameSlot& slot = slots_[slotIndex];

    // The frame two back used this slot's command buffer, uniforms, instances and panel
    // vertices: it must be done. The one just before may still run: that is the overlap.
    // A fence handed to the submitting thread is the thread's until it is on the queue.
    Stopwatch waiting;
    if (slot.submission) submitter_->waitUntilSubmitted(slot.submission);
    VK_CHECK(vkWaitForFences(context_.device(), 1, slot.done.address(), VK_TRUE, UINT64_MAX));
    timing.waitMs = waiting.elapsedMs();
    if (slot.submitted) timing.gpuMs = slot.timer->readMs();
    const FrameSlot& previous = slots_[(slotIndex + kFramesInFlight - 1) % kFramesInFlight];
    if (previous.submitted) {
        // Not yet on the queue: certainly not finished.
        const bool onQueue = !previous.submission || submitter_->submittedCount() >= previous.submission;
        timing.overlapped = !onQueue || vkGetFenceStatus(context_.device(), previous.done.get()) == VK_NOT_READY;
    }

    const double cpuStart = threadCpuMs();
    FrameUniforms uniforms = makeFrameUniforms(camera, scene_.lighting);
    scene::ShadowView shadow;
    if (shadows_) {
        shadow = shadowViewOf(camera, scene_, shadowMap_->size());
        if (!shadow.empty) {
            uniforms.shadowViewProjection = shadow.viewProjection;
            uniforms.shadowParams = glm::vec4(1, shadow.texelSize, 1.0f / float(shadowMap_->size()), 0);
        }
    }
    renderer_.setFrameUniforms(slotIndex, uniforms);
    gpuScene_->prepareFrame(scene_, frameViewOf(camera, target_.eyeExtent(), maxPixelError_), slotIndex, &shadow);
    if (panels_) {
        panels_->setPanels(slotIndex, panelsInWorld_, panelPictures_);
        if (panels_->atlasChanged()) {
            // New glyphs rewrite the atlas, which the frame in flight may be sampling.
            finishFrames();
            panels_->uploadAtlas();
        }
    }

    const VkCommandBuffer commands = slot.commands;
    VK_CHECK(vkResetCommandBuffer(commands, 0));
    auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(commands, &begin));
    slot.timer->begin(commands);
    if (panels_ && !destination.panelImages.empty()) panels_->recordPictures(commands, destination.panelImages, slotIndex);
    shadowMap_->record(commands, *gpuScene_, slotIndex, renderer_.frameSet(slotIndex),
                       !shadow.empty && !gpuScene_->shadowDraws().empty());
    const bool copiedFrom = !destination.outputs.empty() || destination.readBack;
    target_.prepare(commands, destination.eyeLayers ? &*destination.eyeLayers : nullptr, copiedFrom);
    for (std::uint32_t pass = 0; pass < (mono_ ? 1 : target_.passCount()); ++pass) {
        target_.beginPass(commands, pass, scene_.lighting.background);
        renderer_.draw(commands, *gpuScene_, target_.eyeExtent(), target_.firstEyeOfPass(pass), slotIndex,
                       shadowMap_->set(slotIndex));
        // After the scene: panels blend their glyph edges over what is behind them.
        if (panels_)
            panels_->draw(commands, target_.eyeExtent(), target_.firstEyeOfPass(pass), renderer_.frameSet(slotIndex),
                          slotIndex);
        target_.endPass(commands);
    }
    target_.finish(commands);
    slot.timer->end(commands);
    std::vector<OutputImage> outputs = destination.outputs;
    if (destination.eyeLayers && !target_.drawsDirectly()) {
        // A display image of another format or size: copied (or scaled) into, eye by eye.
        const EyeLayersImage& eyes = *destination.eyeLayers;
        for (std::uint32_t eye = 0; eye < 2; ++eye)
            outputs.push_back({eye, eyes.image, eye, {0, 0}, eyes.extent, eyes.format, eyes.layout, false});
    }
    if (!outputs.empty()) target_.recordCopyToOutputs(commands, outputs);
    if (!destination.depthOutputs.empty()) target_.recordCopyDepthToOutputs(commands, destination.depthOutputs);
    if (destination.readBack) target_.recordReadback(commands);
    target_.handBack(commands);
    VK_CHECK(vkEndCommandBuffer(commands));

    VK_CHECK(vkResetFences(context_.device(), 1, slot.done.address()));
    slot.submitted = true;
    const bool forDisplay = destination.eyeLayers || !destination.outputs.empty() || !destination.depthOutputs.empty() ||
                            !destination.panelImages.empty() || destination.waitBeforeCopy || destination.signalWhenDone;
    if (!forDisplay) {
        slot.submission = submitter_->submit({commands, slot.done.get()});
        timing.cpuMs = threadCpuMs() - cpuStart;
        if (destination.readBack) {
            submitter_->waitUntilSubmitted(slot.submission);
            VK_CHECK(vkWaitForFences(context_.device(), 1, slot.done.address(), VK_TRUE, UINT64_MAX));
            timing.gpuMs = slot.timer->readMs();
        }
        timing.totalMs = total.elapsedMs();
        return timing;
    }
    // In submission order after the frames handed to the submitting thread.
    submitter_->waitUntilSubmitted();
    slot.submission = 0;
    auto commandInfo = vkStruct<VkCommandBufferSubmitInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO);
    commandInfo.commandBuffer = commands;
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
    {
        const auto queue = context_.queueLock();
        VK_CHECK(vkQueueSubmit2(context_.queue(), 1, &submit, slot.done.get()));
    }
    timing.cpuMs = threadCpuMs() - cpuStart;

    // Pictures read back to the CPU are wanted now; a display's images (colour, depth,
    // quad layers) follow on the queue, and the next frame waits only for this slot's
    // frame before last.
    if (destination.readBack) {
        VK_CHECK(vkWaitForFences(context_.device(), 1, slot.done.address(), VK_TRUE, UINT64_MAX));
        timing.gpuMs = slot.timer->readMs();
    }
    timing.totalMs = total.elapsedMs();
    return timing;
}

std::string StereoRenderer::shadowText() const {
    const char* why = !shadowsChosenForDevice_ ? ""
                       : shadows_             ? " (the default on a graphics card)"
                                              : " (the default on a CPU device)";
    return shadows_ ? concat("sun shadows (", shadowMap_->size(), " texels)", why) : concat("no shadows", why);
}

std::string StereoRenderer::detailText() const {
    return maxPixelError_ > 0 ? concat("levels of detail within ", fixed(maxPixelError_, 0), " pixel") : "full detail";
}

} // namespace usine::render
