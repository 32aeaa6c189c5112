// Goldens of real third-party models: textures from PNG (BoxTextured), TGA (duck.dae)
// and JPEG (spider.obj), and the 2CylinderEngine CAD export. Each is framed
// automatically with a stereo baseline proportional to its size, so the eyes differ.
#include "core/image_io.h"
#include "support/golden.h"
#include "support/test_paths.h"
#include "support/test_scenes.h"
#include "asset/model_import.h"
#include "render/stereo_renderer.h"
#include "support/gpu_test_context.h"

#include <catch2/catch.hpp>

using namespace usine;

namespace {
constexpr VkExtent2D kEye{160, 160};

Rgba8Image renderFramed(const scene::Scene& scene) {
    const auto camera = testing::framedCamera(scene, kEye, scene.bounds().radius() * 0.08f);
    const auto eyes = testing::renderEyes(scene, camera, kEye);
    return sideBySide(eyes[0], eyes[1]);
}

void checkGolden(const std::string& name, const std::string& model) {
    const Rgba8Image picture = renderFramed(testing::sceneOfFile(testing::corpusModel(model)));
    const auto result = testing::compareWithGolden(name, picture);
    INFO(result.report);
    CHECK(result.matches);
}
} // namespace

TEST_CASE("BoxTextured (PNG texture) matches its golden", "[golden][corpus]") {
    checkGolden("box_textured", "glTF2/BoxTextured-glTF/BoxTextured.gltf");
}

TEST_CASE("duck.dae (TGA texture) matches its golden", "[golden][corpus]") {
    checkGolden("duck", "Collada/duck.dae");
}

TEST_CASE("spider.obj (JPEG textures) matches its golden", "[golden][corpus]") {
    checkGolden("spider_obj", "OBJ/spider.obj");
}

TEST_CASE("2CylinderEngine matches its golden", "[golden][corpus]") {
    checkGolden("two_cylinder_engine", "glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb");
}

TEST_CASE("the golden comparison fails when a texture is missing", "[golden][corpus]") {
    auto model = std::make_shared<scene::Model>(
        asset::importModel(testing::corpusModel("glTF2/BoxTextured-glTF/BoxTextured.gltf")));
    model->textures.clear();
    for (scene::Material& material : model->materials) material.baseColorTexture = -1;
    const Rgba8Image untextured = renderFramed(scene::sceneOfModel(model));
    const auto difference =
        testing::compareImages(untextured, readImageFile(testing::goldenDirectory() / "box_textured.png"));
    INFO("untextured box: " << difference.differingShare * 100 << " % of pixels differ");
    CHECK_FALSE(difference.within(testing::GoldenTolerance{}));
}

TEST_CASE("2CylinderEngine at the bench's view: levels of detail stay within the golden tolerance of full detail",
          "[corpus][detail]") {
    // The view `usine bench 2CylinderEngine.glb --size 640x720` draws: framed from the
    // front-right, eyes 63 mm apart, 90 degrees wide.
    const scene::Scene scene = testing::sceneOfFile(testing::corpusModel("glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb"));
    constexpr VkExtent2D kBenchEye{640, 720};
    const auto camera = testing::framedCamera(scene, kBenchEye, 0.063f);
    render::RenderSettings settings{kBenchEye, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false};
    render::StereoRenderer simpler(testing::sharedGpu(), scene, settings);
    simpler.renderFrame(camera);
    settings.maxPixelError = 0;
    render::StereoRenderer full(testing::sharedGpu(), scene, settings);
    full.renderFrame(camera);
    const auto a = simpler.eyes(), b = full.eyes();
    const testing::ImageDifference difference = testing::compareImages(sideBySide(a[0], a[1]), sideBySide(b[0], b[1]));
    INFO(simpler.frameStats().triangles << " triangles per eye with levels of detail, " << full.frameStats().triangles
                                        << " without; " << difference.differingShare * 100
                                        << " % of pixels differ by more than 8 (largest difference "
                                        << difference.largestChannelDifference << ")");
    CHECK(simpler.frameStats().triangles < full.frameStats().triangles * 3 / 5);
    CHECK(difference.within({}));
}
