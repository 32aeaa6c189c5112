// Shared by mesh.vert and mesh.frag; must match render/frame_uniforms.h.
layout(set = 0, binding = 0, std140) uniform FrameData {
    mat4 viewProjection[2]; // per eye, indexed by gl_ViewIndex
    vec4 eyePosition[2];    // world space, w unused
    vec4 towardsSun;        // unit vector, w unused
    vec4 sunColor;
    vec4 skyAmbient;
    vec4 groundAmbient;
    mat4 shadowViewProjection; // world to the sun's shadow map (depth 0..1, not reversed)
    vec4 shadowParams;         // x: 1 when the map holds shadows; y: texel size (world); z: 1 / map size
} frame;
