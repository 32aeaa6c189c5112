#version 450
// Panels are not lit and not tone-mapped: their colours are chosen for contrast (7:1)
// and must reach the eye as chosen. Glyphs are cut from their distance field at the
// outline (0.5) with an edge one screen pixel wide, so they stay sharp at any distance.
// The glyph atlas (distances in red) for text and rectangles; a picture's own texture
// for its quads.
layout(set = 1, binding = 0) uniform sampler2D panelTexture;

layout(location = 0) in vec2 inUv;
layout(location = 1) in vec4 inColour;
layout(location = 2) in float inKind; // 0 rectangle, 1 glyph, 2 picture

layout(location = 0) out vec4 outColour;

void main() {
    // Seen from behind, a panel is a plain board: its words would read mirrored.
    if (!gl_FrontFacing && inKind > 0.0) discard;
    if (inKind > 1.5) {
        outColour = texture(panelTexture, inUv) * inColour;
        return;
    }
    float coverage = 1.0;
    if (inKind > 0.5) {
        float distance = texture(panelTexture, inUv).r;
        float edge = max(fwidth(distance) * 0.5, 1e-4);
        coverage = smoothstep(0.5 - edge, 0.5 + edge, distance);
        if (coverage <= 0.0) discard;
    }
    outColour = vec4(inColour.rgb, inColour.a * coverage);
}
