#version 450
// The sun's shadow map: depth only, each instance placed as mesh.vert places it.
#extension GL_GOOGLE_include_directive : require
#include "frame_data.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 5) in vec4 inRow0; // per instance, as in mesh.vert
layout(location = 6) in vec4 inRow1;
layout(location = 7) in vec4 inRow2;

void main() {
    vec4 position = vec4(inPosition, 1.0);
    vec4 world = vec4(dot(inRow0, position), dot(inRow1, position), dot(inRow2, position), 1.0);
    gl_Position = frame.shadowViewProjection * world;
}
