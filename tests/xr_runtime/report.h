// What the runtime saw, written as report.txt (key=value lines, listed in README.md) so
// tests can check an application's behaviour through the real loader.
#pragma once

#include "xr_headers.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace usine::test_runtime {

struct Report {
    std::string scriptPath;  // empty without a script
    std::string scriptError; // why the script was refused
    int instancesCreated = 0;
    int instancesRefused = 0;
    int sessionsCreated = 0;
    // The application's own destroy calls (children freed with their parent are not
    // counted): equal to the created counts when it destroys every handle it made.
    int instancesDestroyed = 0;
    int sessionsDestroyed = 0;
    int spacesCreated = 0;
    int spacesDestroyed = 0;
    int actionSetsCreated = 0;
    int actionSetsDestroyed = 0;
    int swapchainsCreated = 0;
    int swapchainsDestroyed = 0;
    int sessionsEnded = 0;     // xrEndSession calls that succeeded
    int injectedFailures = 0;  // calls failed by `fault fail`
    std::int64_t framesWaited = 0;
    std::int64_t framesSubmitted = 0;
    std::int64_t framesDiscarded = 0;
    std::int64_t framesReadBack = 0;
    std::vector<std::string> states; // every session state event queued, all sessions
    bool sessionEndedByRuntime = false;
    int sessionLosses = 0;
    int instanceLosses = 0;
    std::array<std::int64_t, 2> eyeDrawnPixels{};
    std::array<std::uint32_t, 2> eyeWidth{};
    std::array<std::uint32_t, 2> eyeHeight{};
    std::int64_t depthLayersSubmitted = 0;
    std::int64_t quadLayersSubmitted = 0; // over all frames
    int lastQuadCount = 0;                // in the last frame submitted
    XrPosef lastQuadPose{};               // the last frame's first quad, STAGE space
    XrExtent2Df lastQuadSize{};           // metres
    std::uint32_t swapchainArraySize = 0; // of the swapchain the last projection layer used
    std::int64_t swapchainFormat = 0;     // its VkFormat
    std::string profile;                  // the last interaction profile made current
    int hapticsCount = 0;
    int hapticsStopped = 0;
    std::string lastHaptic; // "right amplitude=0.5 duration_ns=100000000 frequency=0"
    bool viewsLocated = false;
    std::array<XrFovf, 2> lastViewFov{};
    std::array<XrPosef, 2> lastEyePose{}; // STAGE space
    std::vector<std::string> misuses;

    void addMisuse(const std::string& description);
    std::string text() const;
    // Writes `directory`/report.txt; a failure to write is reported on stderr only.
    void write(const std::filesystem::path& directory) const;
};

} // namespace usine::test_runtime
