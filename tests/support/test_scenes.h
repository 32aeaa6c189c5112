// Models built in code for tests, and a helper to render a scene with the shared GPU.
#pragma once

#include "scene/model.h"
#include "core/image.h"
#include "render/stereo_camera.h"
#include "scene/scene.h"

#include <array>
#include <vulkan/vulkan.h>
#include <filesystem>
#include <optional>
#include "render/stereo_passes.h"

namespace usine::testing {

// An axis-aligned cube of edge `size` centred at `center`, one colour (linear RGBA8).
scene::Model cubeModel(const glm::vec3& center, float size, std::uint32_t color = 0xffffffffu);

// A flat square of edge `size` facing +Z, centred at `center`.
scene::Model squareModel(const glm::vec3& center, float size, std::uint32_t color = 0xffffffffu);

// A UV sphere: `segments` around, `rings` from pole to pole, smooth normals, one
// single-sided material. Dense enough to simplify (levels of detail tests).
scene::Model sphereModel(const glm::vec3& center, float radius, int segments, int rings,
                         std::uint32_t color = 0xffffffffu);

// Both eyes of one frame of `scene`, rendered with the shared validated GPU.
// `passes` unset: the driver's preferred way (one pass per eye on lavapipe).
std::array<Rgba8Image, 2> renderEyes(const scene::Scene& scene, const render::StereoCamera& camera,
                                     VkExtent2D eyeExtent, VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT,
                                     std::optional<render::StereoPasses> passes = std::nullopt);

// The standard golden view of a model: framed automatically, 90 degree eyes
// `eyeDistance` apart.
render::StereoCamera framedCamera(const scene::Scene& scene, VkExtent2D eyeExtent, float eyeDistance);

// Imports a file in-process-isolated, as the program does.
scene::Scene sceneOfFile(const std::filesystem::path& path);

} // namespace usine::testing
