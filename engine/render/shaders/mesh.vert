#version 450
// Draws instanced meshes for the eyes of the pass (multiview: gl_ViewIndex picks the eye).
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "frame_data.glsl"

struct Instance {
    mat4 model;
    mat4 normalMatrix; // inverse transpose of the model matrix, upper 3x3 used
};
layout(set = 1, binding = 0, std430) readonly buffer Instances { Instance instances[]; };

#include "draw_constants.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;

layout(location = 0) out vec3 outWorldPosition;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec2 outUv;
layout(location = 3) out vec4 outColor;

void main() {
    Instance instance = instances[gl_InstanceIndex];
    vec4 world = instance.model * vec4(inPosition, 1.0);
    outWorldPosition = world.xyz;
    outNormal = mat3(instance.normalMatrix) * inNormal;
    outUv = inUv;
    outColor = inColor;
    gl_Position = frame.viewProjection[gl_ViewIndex + draw.firstEye] * world;
}
