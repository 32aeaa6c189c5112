// Both ways of drawing the two eyes agree, and the automatic choice draws correct
// pictures even where a driver gets multiview wrong (Mesa's lavapipe 22.3 with
// triangles clipped at the picture's edge).
#include "support/golden.h"
#include "support/gpu_test_context.h"
#include "support/test_paths.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>

using namespace usine;
using render::StereoPasses;

namespace {
constexpr VkExtent2D kEye{160, 160};

scene::Scene factoryCell() {
    return testing::sceneOfFile(testing::sourceDirectory() / "assets/models/factory_cell.gltf");
}

// Standing in the cell: the floor and the conveyor cross the edges of both eyes.
render::StereoCamera insideTheCell(float eyeDistance) {
    return render::stereoCameraFromHead(lookAt({-0.6f, 1.6f, 3.4f}, {1.2f, 0.8f, -0.8f}), eyeDistance,
                                        symmetricFov(glm::radians(90.0f), 1.0f), 0.05f, 50.0f);
}

testing::ImageDifference differenceOf(const Rgba8Image& a, const Rgba8Image& b) {
    return testing::compareImages(a, b, testing::GoldenTolerance{2, 0.0});
}
} // namespace

TEST_CASE("with coinciding eyes the automatic choice draws two identical eyes", "[stereo]") {
    const auto eyes = testing::renderEyes(factoryCell(), insideTheCell(0.0f), kEye);
    const auto difference = differenceOf(eyes[0], eyes[1]);
    INFO(difference.differingShare * 100 << " % of pixels differ between the eyes");
    CHECK(difference.differingShare == 0.0);
}

TEST_CASE("one multiview pass and one pass per eye draw the same picture where nothing is clipped", "[stereo]") {
    // The framed cell fits inside the frustum: no triangle crosses an edge.
    const scene::Scene cell = factoryCell();
    const auto camera = testing::framedCamera(cell, kEye, 0.3f);
    const auto multiview = testing::renderEyes(cell, camera, kEye, VK_SAMPLE_COUNT_4_BIT, StereoPasses::OneMultiviewPass);
    const auto perEye = testing::renderEyes(cell, camera, kEye, VK_SAMPLE_COUNT_4_BIT, StereoPasses::OnePassPerEye);
    for (int eye = 0; eye < 2; ++eye) {
        const auto difference = differenceOf(multiview[eye], perEye[eye]);
        INFO("eye " << eye << ": " << difference.differingShare * 100 << " % of pixels differ");
        CHECK(difference.differingShare < 0.001);
    }
    CHECK(differenceOf(multiview[0], multiview[1]).differingShare > 0.01); // and the eyes do differ
}

TEST_CASE("where triangles are clipped, multiview is right on real drivers and lavapipe still needs a pass per eye",
          "[stereo]") {
    const scene::Scene cell = factoryCell();
    const auto multiview = testing::renderEyes(cell, insideTheCell(0.063f), kEye, VK_SAMPLE_COUNT_4_BIT,
                                               StereoPasses::OneMultiviewPass);
    const auto perEye = testing::renderEyes(cell, insideTheCell(0.063f), kEye, VK_SAMPLE_COUNT_4_BIT,
                                            StereoPasses::OnePassPerEye);
    const double rightEyeDifference = differenceOf(multiview[1], perEye[1]).differingShare;
    const auto& gpu = testing::sharedGpu().capabilities();
    INFO(gpu.driverInfo << ": right eye differs on " << rightEyeDifference * 100 << " % of pixels");
    if (render::preferredStereoPasses(gpu) == StereoPasses::OnePassPerEye) {
        // If this fails, the driver was fixed: let it use one multiview pass again.
        CHECK(rightEyeDifference > 0.01);
    } else {
        CHECK(rightEyeDifference < 0.001);
    }
}
