// The runtime's test client (see test_client.h).
#include "test_client.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace usine::test_runtime::client {
namespace {

void check(XrResult result, const char* what) {
    if (XR_FAILED(result)) throw std::runtime_error(std::string(what) + " failed: " + std::to_string(int(result)));
}

constexpr const char* kHands[2] = {"/user/hand/left", "/user/hand/right"};

} // namespace

void useScript(const std::filesystem::path& folder, const std::string& script) {
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "script.txt") << script;
    setenv("USINE_TEST_XR_SCRIPT", (folder / "script.txt").c_str(), 1);
    setenv("USINE_TEST_XR_OUTPUT", folder.c_str(), 1);
}

std::map<std::string, std::string> readReport(const std::filesystem::path& folder) {
    std::map<std::string, std::string> report;
    std::ifstream file(folder / "report.txt");
    for (std::string line; std::getline(file, line);)
        if (const auto equals = line.find('='); equals != std::string::npos)
            report[line.substr(0, equals)] = line.substr(equals + 1);
    return report;
}

TestClient::TestClient(ClientOptions options) : options_(options) {}

TestClient::~TestClient() { destroyInstance(); }

XrResult TestClient::createInstance() {
    const char* extensions[] = {XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME};
    const char* layers[] = {"XR_APILAYER_LUNARG_core_validation"};
    auto info = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
    std::strcpy(info.applicationInfo.applicationName, "usine runtime test");
    info.applicationInfo.apiVersion = XR_CURRENT_API_VERSION;
    info.enabledExtensionCount = options_.depthLayers ? 2 : 1;
    info.enabledExtensionNames = extensions;
    info.enabledApiLayerCount = options_.coreValidation ? 1 : 0;
    info.enabledApiLayerNames = layers;
    return xrCreateInstance(&info, &instance_);
}

XrResult TestClient::getSystem() {
    auto info = xrStruct<XrSystemGetInfo>(XR_TYPE_SYSTEM_GET_INFO);
    info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
    return xrGetSystem(instance_, &info, &system_);
}

XrPath TestClient::path(const char* text) const {
    XrPath path = XR_NULL_PATH;
    check(xrStringToPath(instance_, text, &path), text);
    return path;
}

XrResult TestClient::createSession() {
    if (!vulkan_) vulkan_ = std::make_unique<ClientVulkan>(instance_, system_);
    const XrGraphicsBindingVulkan2KHR binding = vulkan_->binding();
    auto info = xrStruct<XrSessionCreateInfo>(XR_TYPE_SESSION_CREATE_INFO);
    info.next = &binding;
    info.systemId = system_;
    if (const XrResult result = xrCreateSession(instance_, &info, &session_); XR_FAILED(result)) return result;

    std::uint32_t count = 0;
    check(xrEnumerateReferenceSpaces(session_, 0, &count, nullptr), "xrEnumerateReferenceSpaces");
    std::vector<XrReferenceSpaceType> types(count);
    check(xrEnumerateReferenceSpaces(session_, count, &count, types.data()), "xrEnumerateReferenceSpaces");
    for (XrReferenceSpaceType type : types) {
        auto spaceInfo = xrStruct<XrReferenceSpaceCreateInfo>(XR_TYPE_REFERENCE_SPACE_CREATE_INFO);
        spaceInfo.referenceSpaceType = type;
        spaceInfo.poseInReferenceSpace.orientation.w = 1;
        check(xrCreateReferenceSpace(session_, &spaceInfo, &spaces_[type]), "xrCreateReferenceSpace");
    }
    if (const XrResult result = createSwapchains(); XR_FAILED(result)) return result;
    if (options_.actions) createActions();
    return XR_SUCCESS;
}

XrResult TestClient::createSwapchains() {
    std::uint32_t count = 0;
    check(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, 0, &count,
                                            nullptr),
          "xrEnumerateViewConfigurationViews");
    std::vector<XrViewConfigurationView> views(count, xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW));
    check(xrEnumerateViewConfigurationViews(instance_, system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, count,
                                            &count, views.data()),
          "xrEnumerateViewConfigurationViews");
    width_ = views[0].recommendedImageRectWidth;
    height_ = views[0].recommendedImageRectHeight;
    const std::uint32_t chainCount = options_.arraySize == 2 ? 1 : 2;
    for (std::uint32_t i = 0; i < (options_.depthLayers ? 2 : 1) * chainCount; ++i) {
        const bool depth = i >= chainCount;
        auto info = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
        info.usageFlags = depth ? XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT
                                : XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT;
        info.format = depth ? VK_FORMAT_D32_SFLOAT : VK_FORMAT_R8G8B8A8_SRGB;
        info.sampleCount = 1;
        info.width = width_;
        info.height = height_;
        info.faceCount = 1;
        info.arraySize = options_.arraySize;
        info.mipCount = 1;
        Chain chain;
        if (const XrResult result = xrCreateSwapchain(session_, &info, &chain.handle); XR_FAILED(result)) return result;
        check(xrEnumerateSwapchainImages(chain.handle, 0, &count, nullptr), "xrEnumerateSwapchainImages");
        std::vector<XrSwapchainImageVulkan2KHR> images(count,
                                                       xrStruct<XrSwapchainImageVulkan2KHR>(XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR));
        check(xrEnumerateSwapchainImages(chain.handle, count, &count,
                                         reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())),
              "xrEnumerateSwapchainImages");
        for (const auto& image : images) chain.images.push_back(image.image);
        (depth ? depthChains_ : chains_).push_back(chain);
    }
    return XR_SUCCESS;
}

void TestClient::suggest(const char* profile, const std::vector<std::pair<std::string, std::string>>& bindings) {
    std::vector<XrActionSuggestedBinding> suggested;
    for (const auto& [action, component] : bindings)
        for (const char* hand : kHands)
            suggested.push_back({actions_.at(action), path((std::string(hand) + component).c_str())});
    auto info = xrStruct<XrInteractionProfileSuggestedBinding>(XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING);
    info.interactionProfile = path(profile);
    info.countSuggestedBindings = std::uint32_t(suggested.size());
    info.suggestedBindings = suggested.data();
    check(xrSuggestInteractionProfileBindings(instance_, &info), profile);
}

void TestClient::createActions() {
    if (actionSet_ == XR_NULL_HANDLE) {
        auto setInfo = xrStruct<XrActionSetCreateInfo>(XR_TYPE_ACTION_SET_CREATE_INFO);
        std::strcpy(setInfo.actionSetName, "gameplay");
        std::strcpy(setInfo.localizedActionSetName, "Gameplay");
        check(xrCreateActionSet(instance_, &setInfo, &actionSet_), "xrCreateActionSet");
        const XrPath hands[2] = {path(kHands[0]), path(kHands[1])};
        const std::pair<const char*, XrActionType> kinds[] = {{"trigger", XR_ACTION_TYPE_FLOAT_INPUT},
                                                              {"select", XR_ACTION_TYPE_BOOLEAN_INPUT},
                                                              {"stick", XR_ACTION_TYPE_VECTOR2F_INPUT},
                                                              {"grip", XR_ACTION_TYPE_POSE_INPUT},
                                                              {"buzz", XR_ACTION_TYPE_VIBRATION_OUTPUT}};
        for (const auto& [name, type] : kinds) {
            auto info = xrStruct<XrActionCreateInfo>(XR_TYPE_ACTION_CREATE_INFO);
            std::strcpy(info.actionName, name);
            std::strcpy(info.localizedActionName, name);
            info.actionType = type;
            info.countSubactionPaths = 2;
            info.subactionPaths = hands;
            check(xrCreateAction(actionSet_, &info, &actions_[name]), name);
        }
        suggest("/interaction_profiles/khr/simple_controller", {{"trigger", "/input/select/click"},
                                                               {"select", "/input/select/click"},
                                                               {"grip", "/input/grip/pose"},
                                                               {"buzz", "/output/haptic"}});
        suggest("/interaction_profiles/oculus/touch_controller", {{"trigger", "/input/trigger/value"},
                                                                 {"select", "/input/trigger/value"},
                                                                 {"stick", "/input/thumbstick"},
                                                                 {"grip", "/input/grip/pose"},
                                                                 {"buzz", "/output/haptic"}});
        suggest("/interaction_profiles/valve/index_controller", {{"trigger", "/input/trigger"},
                                                                {"select", "/input/trigger"},
                                                                {"stick", "/input/thumbstick"},
                                                                {"grip", "/input/grip"},
                                                                {"buzz", "/output/haptic"}});
        suggest("/interaction_profiles/htc/vive_controller", {{"trigger", "/input/trigger/value"},
                                                             {"select", "/input/squeeze/click"},
                                                             {"stick", "/input/trackpad"},
                                                             {"grip", "/input/grip/pose"},
                                                             {"buzz", "/output/haptic"}});
        suggest("/interaction_profiles/microsoft/motion_controller", {{"trigger", "/input/trigger/value"},
                                                                     {"select", "/input/menu/click"},
                                                                     {"stick", "/input/thumbstick"},
                                                                     {"grip", "/input/grip/pose"},
                                                                     {"buzz", "/output/haptic"}});
    }
    for (int hand = 0; hand < 2; ++hand) {
        auto info = xrStruct<XrActionSpaceCreateInfo>(XR_TYPE_ACTION_SPACE_CREATE_INFO);
        info.action = actions_.at("grip");
        info.subactionPath = path(kHands[hand]);
        info.poseInActionSpace.orientation.w = 1;
        check(xrCreateActionSpace(session_, &info, &handSpaces_[hand]), "xrCreateActionSpace");
    }
    auto attach = xrStruct<XrSessionActionSetsAttachInfo>(XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO);
    attach.countActionSets = 1;
    attach.actionSets = &actionSet_;
    check(xrAttachSessionActionSets(session_, &attach), "xrAttachSessionActionSets");
}

XrSpace TestClient::space(XrReferenceSpaceType type) const {
    const auto found = spaces_.find(type);
    return found == spaces_.end() ? XR_NULL_HANDLE : found->second;
}

void TestClient::destroySession() {
    if (vulkan_) vulkan_->waitIdle();
    for (Chain& chain : chains_) xrDestroySwapchain(chain.handle);
    for (Chain& chain : depthChains_) xrDestroySwapchain(chain.handle);
    chains_.clear();
    depthChains_.clear();
    for (auto& [type, space] : spaces_) xrDestroySpace(space);
    spaces_.clear();
    for (XrSpace& space : handSpaces_) {
        if (space) xrDestroySpace(space);
        space = XR_NULL_HANDLE;
    }
    if (session_) xrDestroySession(session_);
    session_ = XR_NULL_HANDLE;
    running_ = false;
}

void TestClient::destroyInstance() {
    destroySession();
    if (actionSet_) xrDestroyActionSet(actionSet_);
    actionSet_ = XR_NULL_HANDLE;
    actions_.clear();
    if (instance_) xrDestroyInstance(instance_); // before the Vulkan device its images live on
    instance_ = XR_NULL_HANDLE;
    vulkan_.reset();
}

std::int64_t TestClient::lastFrameIndex() const {
    constexpr double kPeriod = 1e9 / 90.0; // the runtime's default refresh rate
    return std::int64_t((double(lastDisplayTime_) - 1e9) / kPeriod + 0.5);
}

void TestClient::handleEvent(const XrEventDataBuffer& event, Turn& outcome) {
    switch (event.type) {
    case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING: outcome = Turn::InstanceLost; break;
    case XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED: profileChanged_ = true; break;
    case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED: {
        const auto& changed = reinterpret_cast<const XrEventDataSessionStateChanged&>(event);
        states_.push_back(changed.state);
        if (changed.state == XR_SESSION_STATE_READY) {
            auto begin = xrStruct<XrSessionBeginInfo>(XR_TYPE_SESSION_BEGIN_INFO);
            begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
            check(xrBeginSession(session_, &begin), "xrBeginSession");
            running_ = true;
        } else if (changed.state == XR_SESSION_STATE_STOPPING) {
            vulkan_->waitIdle();
            check(xrEndSession(session_), "xrEndSession");
            running_ = false;
        } else if (changed.state == XR_SESSION_STATE_EXITING) {
            outcome = Turn::Exiting;
        } else if (changed.state == XR_SESSION_STATE_LOSS_PENDING) {
            outcome = Turn::SessionLost;
        }
        break;
    }
    default: break;
    }
}

Turn TestClient::turn() {
    Turn outcome = Turn::Idle;
    while (true) {
        auto event = xrStruct<XrEventDataBuffer>(XR_TYPE_EVENT_DATA_BUFFER);
        const XrResult result = xrPollEvent(instance_, &event);
        if (result == XR_EVENT_UNAVAILABLE) break;
        if (result == XR_ERROR_INSTANCE_LOST) return Turn::InstanceLost;
        check(result, "xrPollEvent");
        handleEvent(event, outcome);
    }
    if (outcome != Turn::Idle || !running_) return outcome;
    return frame();
}

Turn TestClient::runUntil(Turn until, int limit) {
    Turn last = Turn::Idle;
    for (int i = 0; i < limit; ++i) {
        last = turn();
        if (last == until) return last;
        // A loss or the end of the session stops the loop: the test decides what next.
        if (last == Turn::SessionLost || last == Turn::InstanceLost || last == Turn::Exiting) return last;
    }
    return last;
}

Turn TestClient::frame() {
    auto lost = [&](XrResult result) {
        lastFrameResult_ = result;
        if (result == XR_ERROR_SESSION_LOST) return Turn::SessionLost;
        if (result == XR_ERROR_INSTANCE_LOST) return Turn::InstanceLost;
        check(result, "frame");
        return Turn::Idle;
    };
    auto waitInfo = xrStruct<XrFrameWaitInfo>(XR_TYPE_FRAME_WAIT_INFO);
    auto state = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
    if (const XrResult result = xrWaitFrame(session_, &waitInfo, &state); XR_FAILED(result)) return lost(result);
    lastDisplayTime_ = state.predictedDisplayTime;
    auto beginInfo = xrStruct<XrFrameBeginInfo>(XR_TYPE_FRAME_BEGIN_INFO);
    if (const XrResult result = xrBeginFrame(session_, &beginInfo); XR_FAILED(result)) return lost(result);

    if (actionSet_) {
        XrActiveActionSet active{actionSet_, XR_NULL_PATH};
        auto sync = xrStruct<XrActionsSyncInfo>(XR_TYPE_ACTIONS_SYNC_INFO);
        sync.countActiveActionSets = 1;
        sync.activeActionSets = &active;
        if (const XrResult result = xrSyncActions(session_, &sync); XR_FAILED(result)) return lost(result);
    }

    XrSpace base = space(XR_REFERENCE_SPACE_TYPE_STAGE) ? space(XR_REFERENCE_SPACE_TYPE_STAGE)
                                                         : space(XR_REFERENCE_SPACE_TYPE_LOCAL);
    XrView views[2] = {xrStruct<XrView>(XR_TYPE_VIEW), xrStruct<XrView>(XR_TYPE_VIEW)};
    auto locate = xrStruct<XrViewLocateInfo>(XR_TYPE_VIEW_LOCATE_INFO);
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    locate.displayTime = state.predictedDisplayTime;
    locate.space = base;
    auto viewState = xrStruct<XrViewState>(XR_TYPE_VIEW_STATE);
    std::uint32_t viewCount = 0;
    if (const XrResult result = xrLocateViews(session_, &locate, &viewState, 2, &viewCount, views); XR_FAILED(result))
        return lost(result);

    XrCompositionLayerProjectionView projected[2];
    XrCompositionLayerDepthInfoKHR depthInfos[2];
    auto layer = xrStruct<XrCompositionLayerProjection>(XR_TYPE_COMPOSITION_LAYER_PROJECTION);
    const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<XrCompositionLayerBaseHeader*>(&layer)};
    if (state.shouldRender) {
        std::vector<std::uint32_t> indices;
        std::vector<Chain*> all;
        for (Chain& chain : chains_) all.push_back(&chain);
        for (Chain& chain : depthChains_) all.push_back(&chain);
        for (Chain* each : all) {
            Chain& chain = *each;
            std::uint32_t index = 0;
            if (const XrResult result = xrAcquireSwapchainImage(chain.handle, nullptr, &index); XR_FAILED(result))
                return lost(result);
            auto wait = xrStruct<XrSwapchainImageWaitInfo>(XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO);
            wait.timeout = XR_INFINITE_DURATION;
            if (const XrResult result = xrWaitSwapchainImage(chain.handle, &wait); XR_FAILED(result)) return lost(result);
            indices.push_back(index);
        }
        for (std::uint32_t eye = 0; eye < 2; ++eye) {
            const std::size_t chain = chains_.size() == 1 ? 0 : eye;
            const std::uint32_t arrayLayer = chains_.size() == 1 ? eye : 0;
            vulkan_->paint(chains_[chain].images[indices[chain]], arrayLayer, width_, height_, options_.squares[eye],
                           options_.copiesFromSwapchains);
            projected[eye] = xrStruct<XrCompositionLayerProjectionView>(XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW);
            projected[eye].pose = views[eye].pose;
            projected[eye].fov = views[eye].fov;
            projected[eye].subImage.swapchain = chains_[chain].handle;
            projected[eye].subImage.imageRect.extent = {std::int32_t(width_), std::int32_t(height_)};
            projected[eye].subImage.imageArrayIndex = arrayLayer;
            if (!depthChains_.empty()) {
                depthInfos[eye] = xrStruct<XrCompositionLayerDepthInfoKHR>(XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR);
                depthInfos[eye].subImage = projected[eye].subImage;
                depthInfos[eye].subImage.swapchain = depthChains_[chain].handle;
                depthInfos[eye].minDepth = 0;
                depthInfos[eye].maxDepth = 1;
                depthInfos[eye].nearZ = 0.05f;
                depthInfos[eye].farZ = 100;
                projected[eye].next = &depthInfos[eye];
            }
        }
        for (Chain* each : all) {
            Chain& chain = *each;
            auto release = xrStruct<XrSwapchainImageReleaseInfo>(XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO);
            if (const XrResult result = xrReleaseSwapchainImage(chain.handle, &release); XR_FAILED(result))
                return lost(result);
        }
        layer.space = base;
        layer.viewCount = 2;
        layer.views = projected;
    }
    auto end = xrStruct<XrFrameEndInfo>(XR_TYPE_FRAME_END_INFO);
    end.displayTime = state.predictedDisplayTime;
    end.environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    end.layerCount = state.shouldRender ? 1 : 0;
    end.layers = layers;
    if (const XrResult result = xrEndFrame(session_, &end); XR_FAILED(result)) return lost(result);
    lastFrameResult_ = XR_SUCCESS;
    return state.shouldRender ? Turn::Rendered : Turn::NotRendered;
}

} // namespace usine::test_runtime::client
