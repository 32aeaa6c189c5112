// OpenXR session state machine, frame loop and recovery (see openxr_display.h).
#include "display/openxr/openxr_display.h"

#include <bit>

#include "core/log.h"
#include "core/text.h"
#include "display/openxr/xr_check.h"
#include "display/openxr/xr_owned.h"
#include "display/openxr/xr_struct.h"

#include <algorithm>
#include <thread>

namespace usine::display::openxr {

namespace {

const char* stateName(XrSessionState state) {
    switch (state) {
    case XR_SESSION_STATE_IDLE: return "IDLE";
    case XR_SESSION_STATE_READY: return "READY";
    case XR_SESSION_STATE_SYNCHRONIZED: return "SYNCHRONIZED";
    case XR_SESSION_STATE_VISIBLE: return "VISIBLE";
    case XR_SESSION_STATE_FOCUSED: return "FOCUSED";
    case XR_SESSION_STATE_STOPPING: return "STOPPING";
    case XR_SESSION_STATE_LOSS_PENDING: return "LOSS_PENDING";
    case XR_SESSION_STATE_EXITING: return "EXITING";
    default: return "UNKNOWN";
    }
}

Pose toPose(const XrPosef& pose) {
    return Pose{glm::quat(pose.orientation.w, pose.orientation.x, pose.orientation.y, pose.orientation.z),
                glm::vec3(pose.position.x, pose.position.y, pose.position.z)};
}

} // namespace

// Everything that belongs to one session; replaced whole when the session is lost.
// Members are destroyed in reverse order: input and swapchains, the space, the session.
struct OpenXrDisplay::Session {
    OwnedXrSession owned;
    OwnedXrSpace ownedSpace;
    XrSession handle = XR_NULL_HANDLE; // owned.get(), for brevity
    XrSpace space = XR_NULL_HANDLE;    // ownedSpace.get()
    XrReferenceSpaceType spaceType = XR_REFERENCE_SPACE_TYPE_STAGE;
    TrackingOrigin origin = TrackingOrigin::Floor;
    XrSessionState state = XR_SESSION_STATE_UNKNOWN;
    bool running = false;
    std::unique_ptr<EyeSwapchains> swapchains;
    std::int64_t colourFormat = 0;
    std::vector<std::unique_ptr<QuadSwapchain>> quads; // one per quad layer slot, made when first needed
    std::unique_ptr<OpenXrInput> input;
};

OpenXrDisplay::OpenXrDisplay(const OpenXrSettings& settings) : settings_(settings) {
    instance_ = std::make_unique<OpenXrInstance>(settings.validation);
    const auto system = instance_->findHeadset(settings.headsetPatience, settings.giveUp, [&](int seconds) {
        if (seconds % 5 == 1)
            log::info(concat("waiting for the headset (", instance_->runtimeName(),
                             " answered; switch the headset on, or press Ctrl+C to stop)"));
    });
    if (!system)
        throw XrUnavailable(concat("the OpenXR runtime ", instance_->runtimeName(), " answered but no headset appeared within ",
                                   settings.headsetPatience.count() / 1000, " s"));
    system_ = *system;
    headsetName_ = instance_->systemName(system_);
    maxLayers_ = instance_->maxLayerCount(system_);

    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateViewConfigurationViews(instance_->handle(), system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                               0, &count, nullptr));
    std::vector<XrViewConfigurationView> views(count,
                                               xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW));
    XR_CHECK(xrEnumerateViewConfigurationViews(instance_->handle(), system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                               count, &count, views.data()));
    if (count != 2) throw XrUnavailable("the headset does not offer a stereo view", false);
    eyeExtent_ = {std::max(views[0].recommendedImageRectWidth, views[1].recommendedImageRectWidth),
                  std::max(views[0].recommendedImageRectHeight, views[1].recommendedImageRectHeight)};
    log::info(concat("headset: ", headsetName_, " (system ", system_, ") on the OpenXR runtime ", instance_->runtimeName(),
                     "; view configuration: primary stereo, 2 views, ", eyeExtent_.width, "x", eyeExtent_.height,
                     " per eye recommended (at most ", views[0].maxImageRectWidth, "x", views[0].maxImageRectHeight,
                     "), ", views[0].recommendedSwapchainSampleCount, " sample(s) recommended"));

    creator_ = std::make_unique<OpenXrVulkanCreator>(*instance_, system_);
    gpu::GpuOptions gpuOptions;
    gpuOptions.validation = settings.validation;
    if (settings.spectator) {
        windowSystem_ = std::make_unique<window::WindowSystem>();
        gpuOptions.instanceExtensions = window::WindowSystem::instanceExtensions();
        gpuOptions.deviceExtensions.push_back(window::WindowSystem::deviceExtension());
    }
    gpu_ = std::make_unique<gpu::GpuContext>(gpuOptions, *creator_);
    if (settings.spectator)
        spectator_ = std::make_unique<window::PresentationWindow>(*gpu_, "Usine Ouverte - spectator view",
                                                                  int(eyeExtent_.width), int(eyeExtent_.height),
                                                                  window::WindowPacing::NeverWait);
    createSession();
}

OpenXrDisplay::~OpenXrDisplay() {
    if (gpu_) gpu_->waitIdleQuietly();
    destroySession();
    spectator_.reset(); // before the GPU it draws with
}

std::string OpenXrDisplay::description() const {
    std::string text = concat("OpenXR runtime ", instance_->runtimeName(), ", ", headsetName_, ", ", eyeExtent_.width,
                              "x", eyeExtent_.height, " per eye");
    if (session_) text += session_->origin == TrackingOrigin::Floor ? ", stage space" : ", local space (eye height set at start)";
    if (session_ && session_->swapchains) text += session_->swapchains->array() ? ", array swapchain" : ", a swapchain per eye";
    return text;
}

TrackingOrigin OpenXrDisplay::trackingOrigin() const {
    return session_ ? session_->origin : TrackingOrigin::Floor;
}

bool OpenXrDisplay::wantsDepth() const { return session_ && session_->swapchains->hasDepth(); }

void OpenXrDisplay::createSession() {
    auto binding = xrStruct<XrGraphicsBindingVulkanKHR>(XR_TYPE_GRAPHICS_BINDING_VULKAN_KHR);
    binding.instance = gpu_->instance();
    binding.physicalDevice = gpu_->physicalDevice();
    binding.device = gpu_->device();
    binding.queueFamilyIndex = gpu_->queueFamily();
    binding.queueIndex = 0;
    auto info = xrStruct<XrSessionCreateInfo>(XR_TYPE_SESSION_CREATE_INFO);
    info.next = &binding;
    info.systemId = system_;

    auto session = std::make_unique<Session>();
    XR_CHECK(xrCreateSession(instance_->handle(), &info, session->owned.put()));
    session->handle = session->owned.get();
    ++sessionsCreated_;

    // STAGE (floor at y = 0) when the runtime has it; else LOCAL, and the visit sets the
    // eye height by calibration.
    std::uint32_t count = 0;
    XR_CHECK(xrEnumerateReferenceSpaces(session->handle, 0, &count, nullptr));
    std::vector<XrReferenceSpaceType> spaces(count);
    XR_CHECK(xrEnumerateReferenceSpaces(session->handle, count, &count, spaces.data()));
    const bool stage = std::find(spaces.begin(), spaces.end(), XR_REFERENCE_SPACE_TYPE_STAGE) != spaces.end();
    auto spaceInfo = xrStruct<XrReferenceSpaceCreateInfo>(XR_TYPE_REFERENCE_SPACE_CREATE_INFO);
    spaceInfo.referenceSpaceType = stage ? XR_REFERENCE_SPACE_TYPE_STAGE : XR_REFERENCE_SPACE_TYPE_LOCAL;
    spaceInfo.poseInReferenceSpace.orientation.w = 1;
    XR_CHECK(xrCreateReferenceSpace(session->handle, &spaceInfo, session->ownedSpace.put()));
    session->space = session->ownedSpace.get();
    session->spaceType = spaceInfo.referenceSpaceType;
    session->origin = stage ? TrackingOrigin::Floor : TrackingOrigin::EyeLevel;

    // Depth for the compositor (better reprojection) when the runtime takes it, in the
    // format of our own depth buffer so it is a plain copy.
    const std::int64_t depthFormat =
        instance_->depthLayers() ? EyeSwapchains::depthFormatIfOffered(session->handle, VK_FORMAT_D32_SFLOAT) : 0;
    session->colourFormat = EyeSwapchains::chooseFormat(session->handle);
    session->swapchains = std::make_unique<EyeSwapchains>(session->handle, gpu_->device(), eyeExtent_,
                                                          session->colourFormat, depthFormat);
    session->input = std::make_unique<OpenXrInput>(instance_->handle(), session->handle);
    session_ = std::move(session);
    ++trackingSpace_; // a new session's spaces start afresh
    pendingSpaceChange_.reset();
    sessionLost_ = false;
    exitRequestSent_ = false;
}

void OpenXrDisplay::destroySession() {
    if (!session_) return;
    // The runtime reads the swapchain images until the session ends: wait for our GPU
    // work before the images go.
    if (gpu_) gpu_->waitIdleQuietly();
    session_.reset();
}

void OpenXrDisplay::onStateChanged(XrSessionState state) {
    stateHistory_.push_back(state);
    // At info: a teacher or technician can tell a running headset from a stuck one.
    log::info(concat("headset session: ", stateName(state)));
    session_->state = state;
    switch (state) {
    case XR_SESSION_STATE_READY: {
        auto begin = xrStruct<XrSessionBeginInfo>(XR_TYPE_SESSION_BEGIN_INFO);
        begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
        XR_CHECK(xrBeginSession(session_->handle, &begin));
        session_->running = true;
        break;
    }
    case XR_SESSION_STATE_STOPPING:
        gpu_->waitIdle();
        XR_CHECK(xrEndSession(session_->handle));
        session_->running = false;
        break;
    case XR_SESSION_STATE_EXITING: exiting_ = true; break;
    case XR_SESSION_STATE_LOSS_PENDING: sessionLost_ = true; break;
    default: break;
    }
}

void OpenXrDisplay::pollEvents() {
    while (true) {
        auto event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
        const XrResult result = xrPollEvent(instance_->handle(), &event);
        if (result == XR_EVENT_UNAVAILABLE) return;
        XR_CHECK(result);
        switch (event.type) {
        case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING: instanceLost_ = true; return;
        case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED: {
            const auto& changed = reinterpret_cast<const XrEventDataSessionStateChanged&>(event);
            if (session_ && changed.session == session_->handle) onStateChanged(changed.state);
            break;
        }
        case XR_TYPE_EVENT_DATA_REFERENCE_SPACE_CHANGE_PENDING: {
            // The visitor recentred (or the runtime moved its origin): the rig re-anchors
            // once the change takes effect, for the space we draw in only.
            const auto& change = reinterpret_cast<const XrEventDataReferenceSpaceChangePending&>(event);
            if (session_ && change.session == session_->handle && change.referenceSpaceType == session_->spaceType) {
                PendingSpaceChange pending;
                pending.at = change.changeTime;
                if (change.poseValid) pending.newOriginHeightInOld = change.poseInPreviousSpace.position.y;
                pendingSpaceChange_ = pending;
            }
            break;
        }
        case XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED:
            if (session_) {
                session_->input->refreshProfiles();
                log::info(concat("controllers: left ", session_->input->profileName(Hand::Left).empty() ? "none" : session_->input->profileName(Hand::Left),
                                 ", right ", session_->input->profileName(Hand::Right).empty() ? "none" : session_->input->profileName(Hand::Right)));
            }
            break;
        default: break;
        }
    }
}

FrameStatus OpenXrDisplay::beginFrame(Frame& frame) {
    frameBegun_ = false;
    rendering_ = false;
    frame.destination = {};
    frame.headTracked = false; // until views are located with valid poses
    const FrameStatus status = nextFrame(frame);
    // Whatever happened on the way (a new session, a recentring taking effect), the frame
    // carries the tracking space it is in.
    frame.trackingSpace = trackingSpace_;
    return status;
}

FrameStatus OpenXrDisplay::nextFrame(Frame& frame) {
    try {
        pollEvents();
        if (instanceLost_) return FrameStatus::Restart;
        if (sessionLost_) {
            log::warning("the headset session was lost; starting a new one");
            destroySession();
            try {
                createSession();
            } catch (const XrFailure& failure) {
                // The runtime is not ready for a new session (headset gone, runtime
                // restarting): start over with a new instance, which waits for it.
                log::warning(concat("no new headset session (", failure.what(), ")"));
                return FrameStatus::Restart;
            }
            return FrameStatus::Skip;
        }
        if (exiting_) return FrameStatus::Quit;
        if (spectator_) {
            window::WindowSystem::pollEvents();
            if (spectator_->closeRequested()) requestQuit(); // closing the projector window ends the visit
        }
        if (quitRequested_ && !exitRequestSent_) {
            exitRequestSent_ = true;
            if (session_->running)
                XR_CHECK(xrRequestExitSession(session_->handle));
            else
                return FrameStatus::Quit;
        }
        if (!session_->running) {
            // Between sessions, or before the runtime says READY: nothing to draw yet.
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return FrameStatus::Skip;
        }
        return beginRunningFrame(frame);
    } catch (const XrFailure& failure) {
        if (failure.instanceLost()) {
            instanceLost_ = true;
            return FrameStatus::Restart;
        }
        if (failure.sessionLost()) {
            sessionLost_ = true;
            return FrameStatus::Skip;
        }
        if (failure.result() == XR_ERROR_RUNTIME_FAILURE) {
            // The runtime itself failed (a driver hiccup, a compositor restarting): a
            // class visit goes on with a new instance rather than ending. Failures that
            // are our own mistakes (validation, handles, call order) still end the visit:
            // trying again would fail the same way.
            log::warning(concat("the OpenXR runtime failed (", failure.what(), "); starting the headset again"));
            return FrameStatus::Restart;
        }
        throw;
    }
}

FrameStatus OpenXrDisplay::beginRunningFrame(Frame& frame) {
    frameState_ = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
    auto waitInfo = xrStruct<XrFrameWaitInfo>(XR_TYPE_FRAME_WAIT_INFO);
    XR_CHECK(xrWaitFrame(session_->handle, &waitInfo, &frameState_));
    auto beginInfo = xrStruct<XrFrameBeginInfo>(XR_TYPE_FRAME_BEGIN_INFO);
    XR_CHECK(xrBeginFrame(session_->handle, &beginInfo));
    frameBegun_ = true;

    frame.displayTimeNs = frameState_.predictedDisplayTime;
    if (pendingSpaceChange_ && frameState_.predictedDisplayTime >= pendingSpaceChange_->at) {
        ++trackingSpace_;
        frame.newSpaceHeightInOld = pendingSpaceChange_->newOriginHeightInOld;
        pendingSpaceChange_.reset();
    }
    frame.deltaSeconds =
        previousDisplayTime_ ? double(frameState_.predictedDisplayTime - previousDisplayTime_) * 1e-9 : 0.0;
    previousDisplayTime_ = frameState_.predictedDisplayTime;

    auto locate = xrStruct<XrViewLocateInfo>(XR_TYPE_VIEW_LOCATE_INFO);
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    locate.displayTime = frameState_.predictedDisplayTime;
    locate.space = session_->space;
    auto viewState = xrStruct<XrViewState>(XR_TYPE_VIEW_STATE);
    std::uint32_t count = 0;
    views_[0] = views_[1] = xrStruct<XrView>(XR_TYPE_VIEW);
    XR_CHECK(xrLocateViews(session_->handle, &locate, &viewState, 2, &count, views_));
    if (count != 2) throw XrFailure(XR_ERROR_RUNTIME_FAILURE, "xrLocateViews gave not two views for a stereo headset");
    for (int eye = 0; eye < 2; ++eye) {
        frame.eyes[eye].pose = toPose(views_[eye].pose);
        const XrFovf& fov = views_[eye].fov;
        frame.eyes[eye].fov = Fov{fov.angleLeft, fov.angleRight, fov.angleUp, fov.angleDown};
    }

    if (session_->state == XR_SESSION_STATE_FOCUSED)
        session_->input->read(session_->space, frameState_.predictedDisplayTime, input_);
    else
        input_ = InputState{}; // input belongs to the runtime (its menu) when not focused

    constexpr XrViewStateFlags kTracked = XR_VIEW_STATE_POSITION_VALID_BIT | XR_VIEW_STATE_ORIENTATION_VALID_BIT;
    frame.headTracked = (viewState.viewStateFlags & kTracked) == kTracked;
    if (!frameState_.shouldRender || !frame.headTracked) return FrameStatus::Skip;

    session_->swapchains->acquire();
    rendering_ = true;
    // An array swapchain is drawn into directly (multiview, both eyes); per-eye ones are
    // copied into.
    frame.destination.eyeLayers = session_->swapchains->eyeLayers();
    for (std::uint32_t eye = 0; eye < 2; ++eye) {
        if (!frame.destination.eyeLayers) frame.destination.outputs.push_back(session_->swapchains->output(eye));
        if (session_->swapchains->hasDepth())
            frame.destination.depthOutputs.push_back(session_->swapchains->depthOutput(eye));
    }
    if (spectator_) {
        // The projector shows what the left eye sees, scaled to its window.
        render::OutputImage window;
        presentingSpectator_ = spectator_->acquire(window, frame.destination.waitBeforeCopy,
                                                   frame.destination.signalWhenDone);
        if (presentingSpectator_) frame.destination.outputs.push_back(window); // eye 0
    }
    return FrameStatus::Render;
}

std::size_t OpenXrDisplay::quadLayerCapacity() const {
    // A few are plenty (a menu, subtitles); past the runtime's limit, panels go in the scene.
    constexpr std::uint32_t kMostQuads = 4;
    return std::min(kMostQuads, maxLayers_ > 1 ? maxLayers_ - 1 : 0u);
}

std::vector<render::PanelImage> OpenXrDisplay::acquireQuadImages(const std::vector<QuadPanel>& quads) {
    std::vector<render::PanelImage> images;
    if (!rendering_ || !session_ || quads.size() > quadLayerCapacity()) return images;
    try {
        for (std::size_t index = 0; index < quads.size(); ++index) {
            auto& chain = session_->quads.size() > index ? session_->quads[index] : session_->quads.emplace_back();
            const VkExtent2D pixels = quads[index].pixels;
            // A new swapchain only when a panel outgrows its slot's: made to the next
            // power of two, so opening the menu or a longer subtitle is no hitch.
            if (!chain || !chain->fits(pixels)) {
                auto roomy = [](std::uint32_t size) { return std::bit_ceil(std::max(size, 64u)); };
                const VkExtent2D room{roomy(pixels.width), roomy(pixels.height)};
                chain = std::make_unique<QuadSwapchain>(session_->handle, gpu_->device(), room, session_->colourFormat);
            }
            images.push_back(chain->acquire(pixels));
            quads_.push_back(quads[index]);
        }
    } catch (const XrFailure& failure) {
        // What was acquired is released and shown by endFrame; the rest is drawn in the
        // scene this frame, and endFrame's own calls say whether the session is lost.
        log::debug(concat("a quad layer image could not be had: ", failure.what()));
    }
    return images;
}

void OpenXrDisplay::endFrame(const Frame& frame) {
    if (presentingSpectator_) spectator_->present();
    presentingSpectator_ = false;
    if (!frameBegun_) return;
    frameBegun_ = false;
    try {
        XrCompositionLayerProjectionView projectionViews[2];
        XrCompositionLayerDepthInfoKHR depthInfos[2];
        auto layer = xrStruct<XrCompositionLayerProjection>(XR_TYPE_COMPOSITION_LAYER_PROJECTION);
        std::vector<const XrCompositionLayerBaseHeader*> layers = {
            reinterpret_cast<XrCompositionLayerBaseHeader*>(&layer)};
        std::vector<XrCompositionLayerQuad> quadLayers;
        if (rendering_) {
            session_->swapchains->release();
            // Quad panels over the scene, in the same space, each from its own swapchain.
            for (std::size_t index = 0; index < quads_.size(); ++index) {
                session_->quads[index]->release();
                auto quad = xrStruct<XrCompositionLayerQuad>(XR_TYPE_COMPOSITION_LAYER_QUAD);
                quad.space = session_->space;
                quad.eyeVisibility = XR_EYE_VISIBILITY_BOTH;
                quad.subImage = session_->quads[index]->subImage();
                const Pose& pose = quads_[index].pose;
                quad.pose.orientation = {pose.orientation.x, pose.orientation.y, pose.orientation.z, pose.orientation.w};
                quad.pose.position = {pose.position.x, pose.position.y, pose.position.z};
                quad.size = {quads_[index].size.x, quads_[index].size.y};
                quadLayers.push_back(quad);
            }
            for (std::uint32_t eye = 0; eye < 2; ++eye) {
                projectionViews[eye] = xrStruct<XrCompositionLayerProjectionView>(XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW);
                projectionViews[eye].pose = views_[eye].pose;
                projectionViews[eye].fov = views_[eye].fov;
                projectionViews[eye].subImage = session_->swapchains->subImage(eye);
                if (!frame.destination.depthOutputs.empty()) {
                    depthInfos[eye] = xrStruct<XrCompositionLayerDepthInfoKHR>(XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR);
                    depthInfos[eye].subImage = session_->swapchains->depthSubImage(eye);
                    depthInfos[eye].minDepth = 0;
                    depthInfos[eye].maxDepth = 1;
                    // Reversed depth: 0 (minDepth) is the far plane, 1 the near one.
                    depthInfos[eye].nearZ = frame.farZ;
                    depthInfos[eye].farZ = frame.nearZ;
                    projectionViews[eye].next = &depthInfos[eye];
                }
            }
            layer.space = session_->space;
            layer.viewCount = 2;
            layer.views = projectionViews;
        }
        auto end = xrStruct<XrFrameEndInfo>(XR_TYPE_FRAME_END_INFO);
        end.displayTime = frameState_.predictedDisplayTime;
        end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
        for (const XrCompositionLayerQuad& quad : quadLayers)
            layers.push_back(reinterpret_cast<const XrCompositionLayerBaseHeader*>(&quad));
        end.layerCount = rendering_ ? static_cast<std::uint32_t>(layers.size()) : 0;
        end.layers = layers.data();
        XR_CHECK(xrEndFrame(session_->handle, &end));
    } catch (const XrFailure& failure) {
        if (failure.instanceLost())
            instanceLost_ = true;
        else if (failure.sessionLost())
            sessionLost_ = true;
        else if (failure.result() == XR_ERROR_RUNTIME_FAILURE) {
            log::warning(concat("the OpenXR runtime failed (", failure.what(), "); starting the headset again"));
            instanceLost_ = true; // the next beginFrame asks for a new display, as for a lost instance
        } else
            throw;
    }
    quads_.clear();
    rendering_ = false;
}

void OpenXrDisplay::vibrate(Hand hand, float amplitude, float seconds) {
    if (session_ && session_->state == XR_SESSION_STATE_FOCUSED) session_->input->vibrate(hand, amplitude, seconds);
}

void OpenXrDisplay::requestQuit() { quitRequested_ = true; }

} // namespace usine::display::openxr
