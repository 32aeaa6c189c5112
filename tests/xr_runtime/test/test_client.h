// A small OpenXR application for testing the runtime through the real loader: it
// creates the instance, finds the headset, makes Vulkan through XR_KHR_vulkan_enable2,
// runs sessions and their frame loop the way the specification asks, paints a known
// picture into each eye, and reads controller input. Each step is separate so a test
// can stop anywhere, look at results, or misbehave on purpose.
#pragma once

#include "client_vulkan.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace usine::test_runtime::client {

// Points the runtime at a script and an output folder for the next instance.
void useScript(const std::filesystem::path& folder, const std::string& script);
std::map<std::string, std::string> readReport(const std::filesystem::path& folder);

struct ClientOptions {
    std::uint32_t arraySize = 2;                // 2: one array swapchain; 1: one per eye
    std::uint32_t squares[2] = {20, 30};        // white square side painted in each eye
    bool coreValidation = false;                // XR_APILAYER_LUNARG_core_validation
    bool actions = true;                        // create the input actions below
    bool depthLayers = false;                   // XR_KHR_composition_layer_depth on every view
    bool copiesFromSwapchains = false;          // uses TRANSFER_SRC layouts it never asked for
};

// What one turn of the application loop did.
enum class Turn { Idle, Rendered, NotRendered, SessionLost, InstanceLost, Exiting };

class TestClient {
public:
    explicit TestClient(ClientOptions options = {});
    ~TestClient();

    XrResult createInstance();
    XrResult getSystem();
    XrResult createSession(); // Vulkan on first use, spaces, swapchains, actions
    void destroySession();
    void destroyInstance();

    // Polls events (beginning and ending the session as they ask), then runs one frame
    // when the session runs: wait, begin, sync actions, locate views, paint, end.
    Turn turn();
    // Turns until `until` or `limit` turns; returns the last turn.
    Turn runUntil(Turn until, int limit);

    XrInstance instance() const { return instance_; }
    XrSession session() const { return session_; }
    XrSpace space(XrReferenceSpaceType type) const;
    XrSpace handSpace(int hand) const { return handSpaces_[hand]; }
    ClientVulkan& vulkan() { return *vulkan_; }
    const std::vector<XrSessionState>& states() const { return states_; }
    bool profileChangedSeen() const { return profileChanged_; }
    XrTime lastDisplayTime() const { return lastDisplayTime_; }
    std::int64_t lastFrameIndex() const; // the runtime's frame number of the last wait
    XrPath path(const char* text) const;
    XrAction action(const std::string& name) const { return actions_.at(name); }
    XrResult lastFrameResult() const { return lastFrameResult_; }

private:
    XrResult createSwapchains();
    void createActions();
    void suggest(const char* profile, const std::vector<std::pair<std::string, std::string>>& bindings);
    void handleEvent(const XrEventDataBuffer& event, Turn& outcome);
    Turn frame();

    ClientOptions options_;
    XrInstance instance_ = XR_NULL_HANDLE;
    XrSystemId system_ = XR_NULL_SYSTEM_ID;
    std::unique_ptr<ClientVulkan> vulkan_;
    XrSession session_ = XR_NULL_HANDLE;
    bool running_ = false;
    std::map<XrReferenceSpaceType, XrSpace> spaces_;
    struct Chain {
        XrSwapchain handle = XR_NULL_HANDLE;
        std::vector<VkImage> images;
    };
    std::vector<Chain> chains_;
    std::vector<Chain> depthChains_; // parallel to chains_ when depthLayers
    std::uint32_t width_ = 0, height_ = 0;
    XrActionSet actionSet_ = XR_NULL_HANDLE;
    std::map<std::string, XrAction> actions_;
    XrSpace handSpaces_[2] = {XR_NULL_HANDLE, XR_NULL_HANDLE};
    std::vector<XrSessionState> states_;
    bool profileChanged_ = false;
    XrTime lastDisplayTime_ = 0;
    XrResult lastFrameResult_ = XR_SUCCESS;
};

} // namespace usine::test_runtime::client
