#version 450
// Panels: quads already placed in the world on the CPU (a few hundred per frame), for
// the eyes of the pass.
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "frame_data.glsl"

layout(push_constant) uniform PanelConstants {
    uint firstEye; // 0 in a two-view pass; the pass's eye when one pass per eye
} draw;

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec2 inUv;
layout(location = 2) in vec4 inColour; // linear
layout(location = 3) in float inKind;  // 0 a plain rectangle, 1 a distance-field glyph

layout(location = 0) out vec2 outUv;
layout(location = 1) out vec4 outColour;
layout(location = 2) out float outKind;

void main() {
    outUv = inUv;
    outColour = inColour;
    outKind = inKind;
    gl_Position = frame.viewProjection[gl_ViewIndex + draw.firstEye] * vec4(inPosition, 1.0);
}
