// The headless display: scripted poses drive the frames, pictures are written on the
// frames the script asks for, both eyes show the scene from their own place.
#include "core/image_io.h"
#include "display/headless_display.h"
#include "render/stereo_renderer.h"
#include "support/golden.h"
#include "support/gpu_test_context.h"
#include "support/test_paths.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>

using namespace usine;

TEST_CASE("a headless tour renders every frame and saves the ones asked for", "[headless]") {
    const auto folder = testing::testOutputDirectory() / "headless-tour";
    std::filesystem::remove_all(folder);
    display::TourScript tour = display::parseTourScript(R"(
size 96 80
frames 7
save-every 3
at 0 head 0 1.6 3.2 look 1.2 0.9 -0.6
at 6 head 0.6 1.6 3.2 look 1.2 0.9 -0.6
)",
                                                        "test.tour");
    gpu::GpuOptions options;
    options.validation = true;
    display::HeadlessDisplay headless(options, tour, folder);
    const scene::Scene cell = testing::sceneOfFile(testing::sourceDirectory() / "assets/models/factory_cell.gltf");
    render::StereoRenderer renderer(headless.gpu(), cell, {headless.eyeExtent(), VK_SAMPLE_COUNT_4_BIT, {}, false});

    int rendered = 0;
    display::Frame frame;
    while (headless.beginFrame(frame) == display::FrameStatus::Render) {
        render::StereoCamera camera;
        camera.eyes[0] = frame.eyes[0];
        camera.eyes[1] = frame.eyes[1];
        renderer.renderFrame(camera, frame.destination);
        headless.endFrame(frame);
        ++rendered;
    }
    CHECK(rendered == 7);
    REQUIRE(headless.savedPictures().size() == 3); // frames 0, 3 and 6 (the last)
    CHECK(headless.savedPictures()[2].filename() == "frame-0006.png");
    const Rgba8Image first = readImageFile(headless.savedPictures()[0]);
    const Rgba8Image last = readImageFile(headless.savedPictures()[2]);
    CHECK(first.width == 192);
    CHECK(first.height == 80);
    // The head moved 60 cm: the pictures differ; and within a picture the eyes differ.
    CHECK(testing::compareImages(first, last).differingShare > 0.05);
    Rgba8Image left(96, 80), right(96, 80);
    for (int y = 0; y < 80; ++y)
        for (int x = 0; x < 96; ++x)
            for (int c = 0; c < 4; ++c) {
                left.at(x, y)[c] = first.at(x, y)[c];
                right.at(x, y)[c] = first.at(x + 96, y)[c];
            }
    CHECK(testing::compareImages(left, right).differingShare > 0.01);
    CHECK(headless.gpu().validationMessages().count() == 0);
}
