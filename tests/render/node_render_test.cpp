// Drawing the node scene: single- and double-sided materials, mirrored copies, moving,
// hiding and highlighting nodes without uploading a mesh, and culling what no eye sees.
#include "asset/detail_levels.h"
#include "render/stereo_renderer.h"
#include "scene/scene.h"
#include "support/golden.h"
#include "support/gpu_test_context.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>

using namespace usine;

namespace {

constexpr VkExtent2D kExtent{96, 96};

render::StereoCamera cameraAt(const glm::vec3& eye, const glm::vec3& target) {
    const Fov fov = symmetricFov(glm::radians(90.0f), 1.0f);
    return render::stereoCameraFromHead(lookAt(eye, target), 0.064f, fov, 0.05f, 50.0f);
}

bool isBackground(const Rgba8Image& image, int x, int y) {
    const std::uint8_t* background = image.at(0, 0);
    const std::uint8_t* p = image.at(x, y);
    return std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) <= 24;
}

// Pixels of `image` (within columns [from, to)) that differ from its top-left corner,
// the background.
int objectPixels(const Rgba8Image& image, int from = 0, int to = -1) {
    if (to < 0) to = image.width;
    int count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = from; x < to; ++x) count += !isBackground(image, x, y);
    return count;
}

// Mean red of the object's pixels within columns [from, to).
double objectRed(const Rgba8Image& image, int from, int to) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = from; x < to; ++x)
            if (!isBackground(image, x, y)) {
                sum += image.at(x, y)[0];
                ++count;
            }
    return count ? sum / count : 0;
}

std::shared_ptr<const scene::Model> square(const glm::vec3& center, bool doubleSided) {
    scene::Model model = testing::squareModel(center, 1.0f, 0xff3050d0u);
    model.materials[0].doubleSided = doubleSided;
    return std::make_shared<scene::Model>(model);
}

} // namespace

TEST_CASE("a single-sided square seen from behind is not drawn, a double-sided one is", "[render][nodes][golden]") {
    // Left: single-sided; right: double-sided; both face +Z.
    scene::Scene scene;
    scene.addModel(square({-0.7f, 0, 0}, false));
    scene.addModel(square({0.7f, 0, 0}, true));

    const auto front = testing::renderEyes(scene, cameraAt({0, 0, 2.5f}, {0, 0, 0}), kExtent);
    const auto behind = testing::renderEyes(scene, cameraAt({0, 0, -2.5f}, {0, 0, 0}), kExtent);
    const int half = int(kExtent.width) / 2;
    // From the front both show. From behind the picture is mirrored: the double-sided
    // square is now on the left, and the single-sided one is gone.
    CHECK(objectPixels(front[0], 0, half) > 150);
    CHECK(objectPixels(front[0], half) > 150);
    CHECK(objectPixels(behind[0], 0, half) > 150);
    CHECK(objectPixels(behind[0], half) == 0);
    CHECK(objectPixels(behind[1], half) == 0);

    const testing::GoldenResult golden = testing::compareWithGolden("sided_squares_from_behind", sideBySide(behind[0], behind[1]));
    INFO(golden.report);
    CHECK(golden.matches);
}

TEST_CASE("a mirrored copy of a closed part is drawn whole, as its original", "[render][nodes]") {
    // A cube is its own mirror image: flipping it in x must give the same picture, which
    // only holds if the flipped winding is taken into account when culling back faces.
    const auto cube = std::make_shared<scene::Model>(testing::cubeModel({0, 0, 0}, 1.0f, 0xff40a060u));
    scene::Scene plain, mirrored;
    plain.addModel(cube);
    mirrored.addModel(cube, glm::scale(glm::mat4(1), glm::vec3(-1, 1, 1)));
    const render::StereoCamera camera = cameraAt({1.2f, 1.0f, 2.0f}, {0, 0, 0});
    const auto a = testing::renderEyes(plain, camera, kExtent);
    const auto b = testing::renderEyes(mirrored, camera, kExtent);
    const testing::ImageDifference difference = testing::compareImages(sideBySide(a[0], a[1]), sideBySide(b[0], b[1]));
    INFO("differing share " << difference.differingShare);
    CHECK(difference.within({}));
    CHECK(objectPixels(b[0]) > 400);
}

TEST_CASE("moving, hiding, showing and highlighting nodes uploads no mesh", "[render][nodes]") {
    scene::Scene scene;
    const auto cube = std::make_shared<scene::Model>(testing::cubeModel({0, 0, 0}, 0.5f, 0xff808080u));
    const scene::NodeId a = scene.addModel(cube, glm::translate(glm::mat4(1), glm::vec3(-0.5f, 0, 0)));
    const scene::NodeId b = scene.addModel(cube, glm::translate(glm::mat4(1), glm::vec3(0.5f, 0, 0)));
    render::StereoRenderer renderer(testing::sharedGpu(), scene, {kExtent, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false});
    const render::StereoCamera camera = cameraAt({0, 0, 1.8f}, {0, 0, 0});
    const int half = int(kExtent.width) / 2;
    const std::uint32_t meshUploads = renderer.sceneStats().meshUploads;
    const std::uint64_t bytes = renderer.sceneStats().bytesUploaded;
    CHECK(meshUploads == 1); // one cube mesh, placed twice

    renderer.renderFrame(camera);
    const Rgba8Image both = renderer.eyes()[0];
    CHECK(renderer.frameStats().instances == 2);
    CHECK(renderer.frameStats().drawCommands == 1); // both copies in one instanced draw

    scene.setVisible(a, false);
    renderer.renderFrame(camera);
    const Rgba8Image onlyB = renderer.eyes()[0];
    CHECK(renderer.frameStats().instances == 1);
    CHECK(objectPixels(onlyB, 0, half) == 0);
    CHECK(objectPixels(onlyB, half) > 200);

    scene.setVisible(a, true);
    scene.setLocal(b, glm::translate(glm::mat4(1), glm::vec3(0.5f, 0.6f, 0))); // b moves up
    renderer.renderFrame(camera);
    const Rgba8Image moved = renderer.eyes()[0];
    CHECK(objectPixels(moved, 0, half) == objectPixels(both, 0, half));
    CHECK(testing::compareImages(moved, both).differingShare > 0.02);

    scene.setHighlighted(a, true);
    renderer.renderFrame(camera);
    const Rgba8Image highlighted = renderer.eyes()[0];
    // The highlighted cube is brighter (a warm tint), the other unchanged.
    CHECK(objectRed(highlighted, 0, half) > objectRed(moved, 0, half) + 30);
    CHECK(objectRed(highlighted, half, int(kExtent.width)) == objectRed(moved, half, int(kExtent.width)));

    CHECK(renderer.sceneStats().meshUploads == meshUploads);
    CHECK(renderer.sceneStats().bytesUploaded == bytes);
}

TEST_CASE("parts no eye can see are culled before drawing", "[render][nodes]") {
    scene::Scene scene;
    const auto cube = std::make_shared<scene::Model>(testing::cubeModel({0, 0, 0}, 0.5f));
    for (int i = 0; i < 10; ++i) // a ring of ten cubes around the visitor
        scene.addModel(cube, glm::rotate(glm::mat4(1), glm::radians(36.0f * float(i)), glm::vec3(0, 1, 0)) *
                                 glm::translate(glm::mat4(1), glm::vec3(0, 0, -4)));
    render::StereoRenderer renderer(testing::sharedGpu(), scene, {kExtent, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false});
    renderer.renderFrame(cameraAt({0, 0, 0}, {0, 0, -1}));
    // A 90-degree view sees the cube ahead and the two at 36 degrees (their edges).
    CHECK(renderer.frameStats().instances == 3);
    CHECK(renderer.frameStats().culled == 7);
    CHECK(renderer.frameStats().triangles == 3 * 12);
}

TEST_CASE("a far copy is drawn at a simpler level, and the picture stays within the golden tolerance of full detail",
          "[render][nodes][detail]") {
    auto sphere = std::make_shared<scene::Model>(testing::sphereModel({0, 0, 0}, 0.5f, 64, 32, 0xff6090c0u));
    asset::buildDetailLevels(*sphere);
    REQUIRE(sphere->primitives[0].detailLevels.size() >= 2);
    scene::Scene scene;
    scene.addModel(sphere, glm::translate(glm::mat4(1), glm::vec3(-0.4f, 0, -1.5f)));
    scene.addModel(sphere, glm::translate(glm::mat4(1), glm::vec3(4.0f, 0, -20.0f)));
    const render::StereoCamera camera = cameraAt({0, 0, 0}, {0.3f, 0, -1});
    constexpr VkExtent2D kEye{200, 200};

    render::RenderSettings settings{kEye, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false};
    render::StereoRenderer simpler(testing::sharedGpu(), scene, settings);
    simpler.renderFrame(camera);
    settings.maxPixelError = 0;
    render::StereoRenderer full(testing::sharedGpu(), scene, settings);
    full.renderFrame(camera);

    CHECK(simpler.frameStats().instances == 2);
    CHECK(simpler.frameStats().simplified == 1); // the far one only
    CHECK(full.frameStats().simplified == 0);
    CHECK(simpler.frameStats().triangles < full.frameStats().triangles * 3 / 4);
    const auto a = simpler.eyes(), b = full.eyes();
    const testing::ImageDifference difference = testing::compareImages(sideBySide(a[0], a[1]), sideBySide(b[0], b[1]));
    INFO("simpler level: " << simpler.frameStats().triangles << " triangles per eye, full: "
                           << full.frameStats().triangles << "; " << difference.differingShare * 100
                           << " % of pixels differ by more than 8");
    CHECK(difference.within({}));
}

TEST_CASE("a dynamic mesh is drawn as it grows, from its own buffers, with no mesh upload", "[render][nodes][dynamic]") {
    // A bead laid along x, longer every frame (a weld seam), beside a static cube. Its
    // final picture is compared with the same triangles placed as an ordinary model: the
    // static path is the oracle of the dynamic one.
    const scene::Model strip = testing::squareModel({0, 0, 0}, 1.0f, 0xff2060e0u);
    auto stripOfLength = [&](float length) { // the square's +Z face, cut to `length` along x
        std::vector<scene::Vertex> vertices = strip.primitives[0].vertices;
        for (scene::Vertex& vertex : vertices)
            if (vertex.position.x > 0) vertex.position.x = -0.5f + length;
        return vertices;
    };
    scene::Scene scene;
    scene.addModel(std::make_shared<scene::Model>(testing::cubeModel({0, -0.8f, 0}, 0.4f, 0xff808080u)));
    const scene::NodeId bead =
        scene.addDynamicMesh("weld bead", scene::kNoNode, glm::mat4(1), strip.materials[0]);
    render::StereoRenderer renderer(testing::sharedGpu(), scene, {kExtent, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false});
    const render::StereoCamera camera = cameraAt({0, 0, 2.2f}, {0, -0.2f, 0});
    const std::uint32_t meshUploads = renderer.sceneStats().meshUploads;

    renderer.renderFrame(camera); // nothing laid yet
    const int cubeOnly = objectPixels(renderer.eyes()[0]);
    CHECK(renderer.frameStats().instances == 1);
    int previous = cubeOnly;
    for (float length : {0.25f, 0.5f, 1.0f}) {
        scene.setDynamicGeometry(bead, stripOfLength(length), strip.primitives[0].indices);
        renderer.renderFrame(camera);
        INFO("length " << length);
        CHECK(renderer.frameStats().dynamicBytes == 4 * sizeof(scene::Vertex) + 6 * sizeof(std::uint32_t));
        const int pixels = objectPixels(renderer.eyes()[0]);
        CHECK(pixels > previous + 100);
        previous = pixels;
    }
    // Unchanged: both frame slots get it once, then nothing is written again.
    renderer.renderFrame(camera);
    CHECK(renderer.frameStats().dynamicBytes > 0); // the other slot's first copy
    renderer.renderFrame(camera);
    CHECK(renderer.frameStats().dynamicBytes == 0);
    CHECK(objectPixels(renderer.eyes()[0]) == previous);
    CHECK(renderer.sceneStats().meshUploads == meshUploads);
    const auto dynamicEyes = renderer.eyes();

    // Hidden like any node; hit like any node.
    CHECK(scene.hitTest({0.2f, 0, 2}, {0, 0, -1})->node == bead);
    scene.setVisible(bead, false);
    renderer.renderFrame(camera);
    CHECK(objectPixels(renderer.eyes()[0]) == cubeOnly);

    scene::Scene same;
    same.addModel(std::make_shared<scene::Model>(testing::cubeModel({0, -0.8f, 0}, 0.4f, 0xff808080u)));
    same.addModel(std::make_shared<scene::Model>(strip));
    render::StereoRenderer staticRenderer(testing::sharedGpu(), same, {kExtent, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false});
    staticRenderer.renderFrame(camera);
    const auto staticEyes = staticRenderer.eyes();
    const testing::ImageDifference difference =
        testing::compareImages(sideBySide(dynamicEyes[0], dynamicEyes[1]), sideBySide(staticEyes[0], staticEyes[1]));
    INFO(difference.differingShare * 100 << " % of pixels differ by more than 8");
    CHECK(difference.within({}));

    CHECK_THROWS_WITH(scene.setDynamicGeometry(bead, stripOfLength(1), {0, 1, 7}), Catch::Contains("index 7 past 4"));
}
