// Push constants of the mesh shaders; must match render/frame_uniforms.h.
layout(push_constant) uniform DrawConstants {
    vec4 baseColor;           // material
    vec4 emissiveAndMetallic; // material: rgb emissive, a metallic
    float roughness;          // material
    uint firstEye;            // 0 in a two-view pass; the pass's eye when one pass per eye
} draw;
