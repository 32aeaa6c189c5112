// `usine bench`: figures for one model, printed as a small table.
#include "app/commands.h"

#include "app/common_options.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "core/text.h"
#include "display/tour_script.h"
#include "gpu/gpu_choice.h"
#include "render/stereo_renderer.h"
#include "scene/framing.h"
#include "scene/scene.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <sys/resource.h>

namespace usine::app {

namespace {

struct Spread {
    double median = 0;
    double p95 = 0;
};

Spread spreadOf(std::vector<double> values) {
    if (values.empty()) return {};
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return values[std::min(values.size() - 1, static_cast<std::size_t>(q * (values.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95)};
}

void printRow(const char* label, const std::string& value) { std::printf("%-16s %s\n", label, value.c_str()); }

// The camera of a walk's frame: the script's head, the bench's field of view, a depth
// range fitted to the scene from where the head is.
render::StereoCamera walkCamera(const display::TourScript& walk, int frame, const render::StereoCamera& still,
                                const scene::Bounds& bounds) {
    const Pose head = walk.headAt(frame);
    float nearZ = 0, farZ = 0;
    scene::fitDepthRange(bounds, head.position, nearZ, farZ);
    const float eyeDistance = glm::length(still.eyes[1].pose.position - still.eyes[0].pose.position);
    return render::stereoCameraFromHead(head, eyeDistance, still.eyes[0].fov, nearZ, farZ);
}

// A frame's draw commands: each eye pass's, and the shadow map's.
std::uint32_t commandsPerFrame(const render::FrameDrawStats& stats, std::uint32_t passes) {
    return stats.drawCommands * passes + stats.shadowDrawCommands;
}

// The heaviest frame of a run, for limits that hold at every frame.
struct Heaviest {
    std::uint32_t passes = 2;
    std::uint64_t triangles = 0; // per eye
    int trianglesFrame = 0;
    std::uint32_t drawCommands = 0; // the frame's: every eye pass and the shadow map
    int drawCommandsFrame = 0;

    void add(const render::FrameDrawStats& stats, int frame) {
        if (stats.triangles > triangles) {
            triangles = stats.triangles;
            trianglesFrame = frame;
        }
        const std::uint32_t commands = commandsPerFrame(stats, passes);
        if (commands > drawCommands) {
            drawCommands = commands;
            drawCommandsFrame = frame;
        }
    }
};

} // namespace

int benchCommand(const std::vector<std::string>& words) {
    std::set<std::string> valueOptions = kViewValueOptions;
    valueOptions.insert("--frames");
    valueOptions.insert("--tour");
    const Arguments arguments(words, valueOptions, {"--help", "--mono"});
    if (arguments.has("--help")) {
        std::fputs(kBenchHelp, stdout);
        return 0;
    }
    if (arguments.positional().size() != 1) throw UserError("usine bench wants one MODEL file (see usine bench --help)");
    std::optional<display::TourScript> walk;
    if (arguments.has("--tour")) {
        if (arguments.has("--frames") || arguments.has("--camera"))
            throw UserError("--tour gives the frames and the head: leave out --frames and --camera");
        walk = display::loadTourScript(arguments.text("--tour", ""));
    }
    const int frames = walk ? walk->frames : static_cast<int>(arguments.integer("--frames", 200, 1, 100000));
    const bool mono = arguments.has("--mono");
    if (mono && arguments.has("--passes")) throw UserError("--mono draws one pass: leave out --passes");
    if (mono && arguments.has("--eye-distance")) throw UserError("--mono has one eye: leave out --eye-distance");
    HeadlessSession session = openHeadlessSession(arguments, arguments.positional()[0], mono);
    gpu::GpuContext& context = *session.context;
    render::StereoRenderer& renderer = *session.renderer;
    const scene::Bounds bounds = session.scene->bounds();
    const render::StereoCamera& still = session.camera;
    auto cameraAt = [&](int frame) { return walk ? walkCamera(*walk, frame, still, bounds) : still; };
    const VkExtent2D extent = renderSettings(arguments).eyeExtent;

    constexpr int kWarmUp = 10;
    for (int i = 0; i < kWarmUp; ++i) renderer.renderFrame(cameraAt(0), render::FrameDestination{});
    std::vector<double> cpu, gpu, interval;
    int overlapped = 0;
    Heaviest heaviest;
    const std::uint32_t passCount = mono || renderer.passes() == render::StereoPasses::OneMultiviewPass ? 1 : 2;
    heaviest.passes = passCount;
    Stopwatch clock;
    double last = clock.elapsedMs();
    for (int i = 0; i < frames; ++i) {
        const render::FrameTiming timing = renderer.renderFrame(cameraAt(i), render::FrameDestination{});
        heaviest.add(renderer.frameStats(), i);
        const double now = clock.elapsedMs();
        // Two frames in flight: the time from one frame's call to the next is the rate.
        interval.push_back(now - last);
        last = now;
        cpu.push_back(timing.cpuMs);
        if (timing.gpuMs) gpu.push_back(*timing.gpuMs);
        overlapped += timing.overlapped;
    }
    renderer.finishFrames();

    const auto& stats = renderer.sceneStats();
    const auto& gpuInfo = context.capabilities();
    std::printf("usine bench: %s\n", arguments.positional()[0].c_str());
    printRow("device", concat(gpuInfo.name, " (", gpu::deviceTypeName(gpuInfo.type), ")"));
    printRow("view", concat(mono ? "1 x " : "2 x ", extent.width, "x", extent.height, mono ? " (mono)" : "", ", ", renderer.samplesText(), ", ", renderer.detailText(), ", ",
                            renderer.shadowText(), ", ", mono ? "one pass" : render::describe(renderer.passes())));
    const render::StereoCamera camera = cameraAt(0);
    const glm::vec3 left = camera.eyes[0].pose.position, right = camera.eyes[1].pose.position;
    const glm::vec3 ahead = camera.eyes[0].pose.orientation * glm::vec3(0, 0, -1);
    const Fov& fov = camera.eyes[0].fov;
    if (walk) printRow("walk", concat(arguments.text("--tour", ""), ": ", walk->frames, " frames; eyes at its start:"));
    const std::string where = mono ? concat("one at (", fixed(left.x, 3), ", ", fixed(left.y, 3), ", ", fixed(left.z, 3), ")")
                                   : concat("left (", fixed(left.x, 3), ", ", fixed(left.y, 3), ", ", fixed(left.z, 3),
                                            "), right (", fixed(right.x, 3), ", ", fixed(right.y, 3), ", ",
                                            fixed(right.z, 3), ")");
    printRow("eyes", concat(where, ", looking (",
                            fixed(ahead.x, 3), ", ", fixed(ahead.y, 3), ", ", fixed(ahead.z, 3), "), ",
                            fixed(glm::degrees(fov.angleRight - fov.angleLeft), 1), " degrees wide"));
    printRow("driver", gpuInfo.driverInfo);
    printRow("frames", concat(frames, " measured after ", kWarmUp, " warm-up"));
    const auto& drawn = renderer.frameStats();
    if (walk) {
        // Limits hold at every frame of a walk: its heaviest frames.
        printRow("triangles", concat("at most ", heaviest.triangles, " per eye after culling and detail (", 2 * heaviest.triangles,
                                     " for both eyes; frame ", heaviest.trianglesFrame, "); ", stats.uniqueTriangles,
                                     " uploaded, levels included; last frame ", drawn.triangles, " per eye, ", drawn.instances,
                                     " meshes placed, ", drawn.culled, " culled, ", drawn.simplified, " simplified"));
        printRow("draw commands", concat("at most ", heaviest.drawCommands, " per frame (frame ", heaviest.drawCommandsFrame,
                                         "; ", passCount, passCount == 1 ? " eye pass" : " eye passes",
                                         " and the shadow map)"));
    } else {
        printRow("triangles", concat(drawn.triangles, " per eye after culling (", stats.uniqueTriangles,
                                     " uploaded, levels included, ",
                                     drawn.instances, " meshes placed, ", drawn.culled, " culled, ", drawn.simplified,
                                     " simplified)"));
        printRow("draw commands", concat(commandsPerFrame(drawn, passCount), " per frame (",
                                         drawn.drawCommands, " per eye pass, ", passCount,
                                         passCount == 1 ? " pass, " : " passes, ", drawn.shadowDrawCommands,
                                         " in the shadow map)"));
    }
    printRow("shadow map", concat(drawn.shadowTriangles, " triangles, ", drawn.shadowDrawCommands,
                                  " draw commands (last frame; casters at the coarser level of a shadow texel or a pixel)"));
    printRow("import ms", fixed(session.loaded.importMs, 1));
    printRow("upload ms", fixed(renderer.uploadMs(), 1));
    const Spread cpuSpread = spreadOf(cpu);
    printRow("CPU frame ms", concat("median ", fixed(cpuSpread.median, 3), "  p95 ", fixed(cpuSpread.p95, 3),
                                    "  (cull, record, submit: this thread's CPU time)"));
    if (gpu.empty()) {
        printRow("GPU frame ms", "n/a (this GPU has no timestamp queries)");
    } else {
        const Spread gpuSpread = spreadOf(gpu);
        printRow("GPU frame ms", concat("median ", fixed(gpuSpread.median, 3), "  p95 ", fixed(gpuSpread.p95, 3),
                                        "  (timestamp queries)"));
    }
    const Spread frameSpread = spreadOf(interval);
    printRow("frame ms", concat("median ", fixed(frameSpread.median, 3), "  p95 ", fixed(frameSpread.p95, 3),
                                "  (one frame to the next, ", render::StereoRenderer::kFramesInFlight, " in flight)"));
    printRow("overlap", concat(fixed(100.0 * overlapped / frames, 1),
                               " % of frames recorded while the previous one was still running"));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    printRow("memory", concat(stats.bytesUploaded >> 20, " MiB uploaded to the GPU; peak resident ",
                              usage.ru_maxrss >> 10, " MiB (this process)"));
    reportValidation(context);
    return 0;
}

} // namespace usine::app
