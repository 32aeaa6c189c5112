// Rendering and writing report.txt (see report.h and README.md).
#include "report.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace usine::test_runtime {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
    return text;
}

} // namespace

void Report::addMisuse(const std::string& description) {
    misuses.push_back(description);
    std::fprintf(stderr, "[usine test runtime] API misuse: %s\n", description.c_str());
}

std::string Report::text() const {
    std::ostringstream out;
    out.precision(6);
    out << "runtime=Usine test runtime\n"
        << "script=" << scriptPath << "\n"
        << "script_error=" << scriptError << "\n"
        << "instances_created=" << instancesCreated << "\n"
        << "instances_refused=" << instancesRefused << "\n"
        << "sessions_created=" << sessionsCreated << "\n"
        << "instances_destroyed=" << instancesDestroyed << "\n"
        << "sessions_destroyed=" << sessionsDestroyed << "\n"
        << "spaces_created=" << spacesCreated << "\n"
        << "spaces_destroyed=" << spacesDestroyed << "\n"
        << "action_sets_created=" << actionSetsCreated << "\n"
        << "action_sets_destroyed=" << actionSetsDestroyed << "\n"
        << "swapchains_created=" << swapchainsCreated << "\n"
        << "swapchains_destroyed=" << swapchainsDestroyed << "\n"
        << "sessions_ended=" << sessionsEnded << "\n"
        << "injected_failures=" << injectedFailures << "\n"
        << "frames_waited=" << framesWaited << "\n"
        << "frames_submitted=" << framesSubmitted << "\n"
        << "frames_discarded=" << framesDiscarded << "\n"
        << "frames_read_back=" << framesReadBack << "\n"
        << "states=" << joined(states) << "\n"
        << "session_ended_by_runtime=" << (sessionEndedByRuntime ? 1 : 0) << "\n"
        << "session_losses=" << sessionLosses << "\n"
        << "instance_losses=" << instanceLosses << "\n";
    for (int eye = 0; eye < 2; ++eye)
        out << "eye" << eye << "_drawn_pixels=" << eyeDrawnPixels[eye] << "\n"
            << "eye" << eye << "_size=" << eyeWidth[eye] << "x" << eyeHeight[eye] << "\n";
    out << "quad_layers_submitted=" << quadLayersSubmitted << "\n"
        << "last_quad_count=" << lastQuadCount << "\n"
        << "last_quad_pose=" << lastQuadPose.position.x << " " << lastQuadPose.position.y << " "
        << lastQuadPose.position.z << " " << lastQuadPose.orientation.x << " " << lastQuadPose.orientation.y << " "
        << lastQuadPose.orientation.z << " " << lastQuadPose.orientation.w << "\n"
        << "last_quad_size=" << lastQuadSize.width << " " << lastQuadSize.height << "\n";
    out << "depth_layers_submitted=" << depthLayersSubmitted << "\n"
        << "swapchain_array_size=" << swapchainArraySize << "\n"
        << "swapchain_format=" << swapchainFormat << "\n"
        << "profile=" << (profile.empty() ? "none" : profile) << "\n"
        << "haptics_count=" << hapticsCount << "\n"
        << "haptics_stopped=" << hapticsStopped << "\n"
        << "last_haptic=" << lastHaptic << "\n"
        << "views_located=" << (viewsLocated ? 1 : 0) << "\n";
    for (int eye = 0; eye < 2; ++eye) {
        const XrFovf& f = lastViewFov[eye];
        const XrPosef& p = lastEyePose[eye];
        out << "last_view_fov" << eye << "=" << f.angleLeft << " " << f.angleRight << " " << f.angleUp << " "
            << f.angleDown << "\n"
            << "last_eye" << eye << "_pose=" << p.position.x << " " << p.position.y << " " << p.position.z << " "
            << p.orientation.x << " " << p.orientation.y << " " << p.orientation.z << " " << p.orientation.w
            << "\n";
    }
    out << "api_misuse_count=" << misuses.size() << "\n";
    for (std::size_t i = 0; i < misuses.size(); ++i) out << "misuse_" << i + 1 << "=" << misuses[i] << "\n";
    return out.str();
}

void Report::write(const std::filesystem::path& directory) const {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    const std::filesystem::path path = directory / "report.txt";
    // Written aside then renamed, so a test never reads half a report.
    const std::filesystem::path partial = directory / "report.txt.partial";
    {
        std::ofstream file(partial, std::ios::trunc);
        file << text();
        if (!file) {
            std::fprintf(stderr, "[usine test runtime] cannot write %s\n", partial.c_str());
            return;
        }
    }
    std::filesystem::rename(partial, path, error);
    if (error) std::fprintf(stderr, "[usine test runtime] cannot write %s: %s\n", path.c_str(), error.message().c_str());
}

} // namespace usine::test_runtime
