// The generated factory cell (every colour from vertex colours, six PBR materials)
// seen by a visitor on the walkway, against its golden picture.
#include "core/image_io.h"
#include "support/golden.h"
#include "support/test_paths.h"
#include "support/test_scenes.h"

#include <catch2/catch.hpp>

using namespace usine;

namespace {
constexpr VkExtent2D kEye{200, 200};

render::StereoCamera visitorCamera(const glm::vec3& head) {
    const Pose pose = lookAt(head, {1.2f, 0.9f, -0.6f});
    return render::stereoCameraFromHead(pose, 0.063f, symmetricFov(glm::radians(90.0f), 1.0f), 0.05f, 50.0f);
}
} // namespace

TEST_CASE("the vertex-coloured factory cell matches its golden", "[golden]") {
    const scene::Scene cell = testing::sceneOfFile(testing::sourceDirectory() / "assets/models/factory_cell.gltf");
    const auto eyes = testing::renderEyes(cell, visitorCamera({0.0f, 1.6f, 3.0f}), kEye);
    const testing::GoldenResult result = testing::compareWithGolden("factory_cell", sideBySide(eyes[0], eyes[1]));
    INFO(result.report);
    CHECK(result.matches);
}

TEST_CASE("the golden comparison fails on a wrong picture", "[golden]") {
    const scene::Scene cell = testing::sceneOfFile(testing::sourceDirectory() / "assets/models/factory_cell.gltf");

    SECTION("camera moved 5 cm to the side") {
        const auto eyes = testing::renderEyes(cell, visitorCamera({0.05f, 1.6f, 3.0f}), kEye);
        const auto golden = testing::compareImages(sideBySide(eyes[0], eyes[1]),
                                                   readImageFile(testing::goldenDirectory() / "factory_cell.png"));
        INFO("moved camera: " << golden.differingShare * 100 << " % of pixels differ");
        CHECK_FALSE(golden.within(testing::GoldenTolerance{}));
    }
    SECTION("eyes swapped") {
        const auto eyes = testing::renderEyes(cell, visitorCamera({0.0f, 1.6f, 3.0f}), kEye);
        const auto golden = testing::compareImages(sideBySide(eyes[1], eyes[0]),
                                                   readImageFile(testing::goldenDirectory() / "factory_cell.png"));
        INFO("swapped eyes: " << golden.differingShare * 100 << " % of pixels differ");
        CHECK_FALSE(golden.within(testing::GoldenTolerance{}));
    }
}
