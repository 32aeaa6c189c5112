// Test models and rendering helper.
#include "support/test_scenes.h"

#include <glm/gtc/constants.hpp>
#include <cmath>

#include "asset/model_import.h"
#include "render/stereo_renderer.h"
#include "scene/framing.h"
#include "support/gpu_test_context.h"

namespace usine::testing {

scene::Model cubeModel(const glm::vec3& center, float size, std::uint32_t color) {
    scene::Model model;
    model.sourceName = "test cube";
    scene::Primitive cube;
    cube.name = "cube";
    const float h = size * 0.5f;
    // Six faces, four vertices each, so every face has its own flat normal.
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = static_cast<std::uint32_t>(cube.vertices.size());
        const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (const glm::vec2& c : corners)
            cube.vertices.push_back({center + (n + u * c.x + v * c.y) * h, n, (c + 1.0f) * 0.5f, color});
        cube.indices.insert(cube.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    model.primitives.push_back(cube);
    model.meshes.push_back({"cube", {0}});
    model.materials.push_back({"matte", glm::vec4(1), 0.0f, 0.9f, glm::vec3(0), -1});
    model.nodes.push_back({"cube", -1, glm::mat4(1), 0});
    return model;
}

scene::Model squareModel(const glm::vec3& center, float size, std::uint32_t color) {
    scene::Model model = cubeModel(center, size, color);
    model.sourceName = "test square";
    scene::Primitive& square = model.primitives[0];
    // Keep only the +Z face (the fifth face of cubeModel: vertices 16..19).
    square.vertices.erase(square.vertices.begin() + 20, square.vertices.end());
    square.vertices.erase(square.vertices.begin(), square.vertices.begin() + 16);
    square.indices = {0, 1, 2, 0, 2, 3};
    return model;
}

scene::Model sphereModel(const glm::vec3& center, float radius, int segments, int rings, std::uint32_t color) {
    scene::Model model;
    model.sourceName = "test sphere";
    scene::Primitive sphere;
    sphere.name = "sphere";
    for (int ring = 0; ring <= rings; ++ring) {
        const float polar = glm::pi<float>() * float(ring) / float(rings);
        for (int segment = 0; segment <= segments; ++segment) {
            const float azimuth = glm::two_pi<float>() * float(segment) / float(segments);
            const glm::vec3 normal(std::sin(polar) * std::cos(azimuth), std::cos(polar), -std::sin(polar) * std::sin(azimuth));
            sphere.vertices.push_back({center + normal * radius, normal, {float(segment) / float(segments), float(ring) / float(rings)}, color});
        }
    }
    const auto row = static_cast<std::uint32_t>(segments + 1);
    for (std::uint32_t ring = 0; ring < std::uint32_t(rings); ++ring)
        for (std::uint32_t segment = 0; segment < std::uint32_t(segments); ++segment) {
            const std::uint32_t a = ring * row + segment, b = a + row;
            // Counter-clockwise seen from outside.
            if (ring > 0) sphere.indices.insert(sphere.indices.end(), {a, b, a + 1});
            if (ring + 1 < std::uint32_t(rings)) sphere.indices.insert(sphere.indices.end(), {a + 1, b, b + 1});
        }
    model.primitives.push_back(std::move(sphere));
    model.meshes.push_back({"sphere", {0}});
    model.materials.push_back({"matte", glm::vec4(1), 0.0f, 0.6f, glm::vec3(0), -1, false});
    model.nodes.push_back({"sphere", -1, glm::mat4(1), 0});
    return model;
}

std::array<Rgba8Image, 2> renderEyes(const scene::Scene& scene, const render::StereoCamera& camera,
                                     VkExtent2D eyeExtent, VkSampleCountFlagBits samples,
                                     std::optional<render::StereoPasses> passes) {
    // Shadows on: pictures show the look of a graphics card (lavapipe's default is none).
    render::StereoRenderer renderer(sharedGpu(), scene, {eyeExtent, samples, passes, false, 1.0f, true});
    renderer.renderFrame(camera);
    return renderer.eyes();
}

render::StereoCamera framedCamera(const scene::Scene& scene, VkExtent2D eyeExtent, float eyeDistance) {
    const Fov fov = symmetricFov(glm::radians(90.0f), float(eyeExtent.width) / float(eyeExtent.height));
    const scene::Framing framing = scene::frameBounds(scene.bounds(), fov);
    return render::stereoCameraFromHead(framing.head, eyeDistance, fov, framing.nearZ, framing.farZ);
}

scene::Scene sceneOfFile(const std::filesystem::path& path) {
    return scene::sceneOfModel(std::make_shared<scene::Model>(asset::importModel(path)));
}

} // namespace usine::testing
