#version 450
// Draws instanced meshes for the eyes of the pass (multiview: gl_ViewIndex picks the eye).
// Built twice: with UNTEXTURED (no texture coordinates passed on) for untextured materials.
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "frame_data.glsl"


#include "draw_constants.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;
// Per instance (vertex input at instance rate, render/frame_uniforms.h's InstanceData):
// the first three rows of an affine model matrix, and rgb added to the lit colour.
layout(location = 5) in vec4 inRow0;
layout(location = 6) in vec4 inRow1;
layout(location = 7) in vec4 inRow2;
layout(location = 8) in vec4 inTint;

layout(location = 0) out vec3 outWorldPosition;
layout(location = 1) out vec3 outNormal;
#ifndef UNTEXTURED
layout(location = 4) out vec2 outUv;
#endif
layout(location = 2) out vec4 outColor;
layout(location = 3) flat out vec3 outTint;

void main() {
    vec4 position = vec4(inPosition, 1.0);
    vec4 world = vec4(dot(inRow0, position), dot(inRow1, position),
                      dot(inRow2, position), 1.0);
    // Normals go through the cofactor matrix of the upper 3x3 (the inverse transpose up
    // to a scale, which the fragment shader normalises away): right under non-uniform
    // scale, with no second matrix per instance. A mirroring matrix (negative
    // determinant) would turn them inwards: its sign puts them back.
    vec3 c0 = vec3(inRow0.x, inRow1.x, inRow2.x);
    vec3 c1 = vec3(inRow0.y, inRow1.y, inRow2.y);
    vec3 c2 = vec3(inRow0.z, inRow1.z, inRow2.z);
    mat3 cofactor = mat3(cross(c1, c2), cross(c2, c0), cross(c0, c1));
    float handedness = dot(c0, cross(c1, c2)) < 0.0 ? -1.0 : 1.0;
    outWorldPosition = world.xyz;
    outNormal = handedness * (cofactor * inNormal);
#ifndef UNTEXTURED
    outUv = inUv;
#endif
    outColor = inColor;
    outTint = inTint.rgb;
    gl_Position = frame.viewProjection[gl_ViewIndex + draw.firstEye] * world;
}
