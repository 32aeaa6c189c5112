#version 450
// Draws instanced meshes for the eyes of the pass (multiview: gl_ViewIndex picks the eye).
// Built twice: with UNTEXTURED (no texture coordinates passed on) for untextured materials.
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "frame_data.glsl"

struct Instance {
    vec4 rows[3]; // the first three rows of an affine model matrix
    vec4 tint;    // rgb added to the lit colour (highlight)
};
layout(set = 1, binding = 0, std430) readonly buffer Instances { Instance instances[]; };

#include "draw_constants.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;

layout(location = 0) out vec3 outWorldPosition;
layout(location = 1) out vec3 outNormal;
#ifndef UNTEXTURED
layout(location = 4) out vec2 outUv;
#endif
layout(location = 2) out vec4 outColor;
layout(location = 3) flat out vec3 outTint;

void main() {
    Instance instance = instances[gl_InstanceIndex];
    vec4 position = vec4(inPosition, 1.0);
    vec4 world = vec4(dot(instance.rows[0], position), dot(instance.rows[1], position),
                      dot(instance.rows[2], position), 1.0);
    // Normals go through the cofactor matrix of the upper 3x3 (the inverse transpose up
    // to a scale, which the fragment shader normalises away): right under non-uniform
    // scale, with no second matrix per instance. A mirroring matrix (negative
    // determinant) would turn them inwards: its sign puts them back.
    vec3 c0 = vec3(instance.rows[0].x, instance.rows[1].x, instance.rows[2].x);
    vec3 c1 = vec3(instance.rows[0].y, instance.rows[1].y, instance.rows[2].y);
    vec3 c2 = vec3(instance.rows[0].z, instance.rows[1].z, instance.rows[2].z);
    mat3 cofactor = mat3(cross(c1, c2), cross(c2, c0), cross(c0, c1));
    float handedness = dot(c0, cross(c1, c2)) < 0.0 ? -1.0 : 1.0;
    outWorldPosition = world.xyz;
    outNormal = handedness * (cofactor * inNormal);
#ifndef UNTEXTURED
    outUv = inUv;
#endif
    outColor = inColor;
    outTint = instance.tint.rgb;
    gl_Position = frame.viewProjection[gl_ViewIndex + draw.firstEye] * world;
}
