// `usine render`: import, upload, one stereo frame, picture(s) written.
#include "app/commands.h"

#include "app/common_options.h"
#include "core/error.h"
#include "core/image_io.h"
#include "core/log.h"
#include "core/text.h"
#include "render/stereo_renderer.h"
#include "scene/scene.h"

#include <cstdio>
#include <filesystem>

namespace usine::app {

namespace fs = std::filesystem;

int renderCommand(const std::vector<std::string>& words) {
    std::set<std::string> valueOptions = kViewValueOptions;
    valueOptions.insert({"--out", "--eyes"});
    const Arguments arguments(words, valueOptions, {"--help"});
    if (arguments.has("--help")) {
        std::fputs(kRenderHelp, stdout);
        return 0;
    }
    if (arguments.positional().size() != 1) throw UserError("usine render wants one MODEL file (see usine render --help)");
    const auto out = arguments.value("--out");
    if (!out) throw UserError("usine render needs --out FILE.png");
    const std::string eyesMode = arguments.text("--eyes", "side-by-side");
    if (eyesMode != "side-by-side" && eyesMode != "separate")
        throw UserError("--eyes wants side-by-side or separate");
    const fs::path outPath(*out);
    if (outPath.has_parent_path() && !fs::is_directory(outPath.parent_path()))
        throw UserError(concat(outPath.string(), ": the folder ", outPath.parent_path().string(), " does not exist"));
    HeadlessSession session = openHeadlessSession(arguments, arguments.positional()[0]);
    gpu::GpuContext& context = *session.context;
    render::StereoRenderer& renderer = *session.renderer;
    const VkExtent2D extent = renderSettings(arguments).eyeExtent;
    log::info(concat("uploaded to ", context.capabilities().name, " in ", fixed(renderer.uploadMs(), 1), " ms: ",
                     renderer.sceneStats().bytesUploaded >> 10, " KiB"));
    const render::FrameTiming timing = renderer.renderFrame(session.camera);
    log::info(concat("rendered 2 x ", extent.width, "x", extent.height, " (", renderer.samplesText(), ", ", renderer.detailText(), ", ",
                     renderer.shadowText(), ", ",
                     render::describe(renderer.passes()), ") in ", fixed(timing.totalMs, 1), " ms",
                     timing.gpuMs ? concat(" (GPU ", fixed(*timing.gpuMs, 2), " ms)") : std::string()));

    const auto eyes = renderer.eyes();
    if (eyesMode == "separate") {
        const fs::path stem = outPath.parent_path() / outPath.stem();
        const std::string extension = outPath.extension().string();
        const fs::path left = stem.string() + "-left" + extension;
        const fs::path right = stem.string() + "-right" + extension;
        writePng(left, eyes[0]);
        writePng(right, eyes[1]);
        log::info(concat("wrote ", left.string(), " and ", right.string()));
    } else {
        writePng(outPath, sideBySide(eyes[0], eyes[1]));
        log::info(concat("wrote ", outPath.string(), " (", extent.width * 2, "x", extent.height,
                         ", left eye | right eye)"));
    }
    reportValidation(context);
    return 0;
}

} // namespace usine::app
