// CPU mirror of shaders/frame_data.glsl, shaders/draw_constants.glsl and the
// per-instance data the mesh shaders read. Layouts are std140/std430 and checked by static_asserts.
#pragma once

#include <cstdint>
#include <glm/glm.hpp>

namespace usine::render {

struct FrameUniforms {
    glm::mat4 viewProjection[2];
    glm::vec4 eyePosition[2];
    glm::vec4 towardsSun;
    glm::vec4 sunColor;
    glm::vec4 skyAmbient;
    glm::vec4 groundAmbient;
    glm::mat4 shadowViewProjection{1}; // scene::ShadowView::viewProjection
    glm::vec4 shadowParams{0};         // x: 1 when shadows are drawn; y: texel size; z: 1 / map size
};
static_assert(sizeof(FrameUniforms) == 3 * 64 + 7 * 16);

// One placed mesh: its affine transform as three rows (the shader derives the normal
// transform from them) and a colour added to highlight it.
struct InstanceData {
    glm::vec4 rows[3];
    glm::vec4 tint; // rgb added to the lit colour; a unused
};
static_assert(sizeof(InstanceData) == 64);

struct MaterialPushConstants {
    glm::vec4 baseColor;
    glm::vec4 emissiveAndMetallic;
    float roughness;
};
static_assert(sizeof(MaterialPushConstants) == 36);
// After the material, at offset 36: the first eye of the pass (see draw_constants.glsl).
constexpr std::uint32_t kFirstEyePushOffset = 36;
constexpr std::uint32_t kDrawConstantsSize = 40;

} // namespace usine::render
