#version 450
// Metallic-roughness shading: one sun (GGX specular, Lambert diffuse) plus a sky/ground
// ambient term, then a filmic curve; the sRGB attachment encodes the result.
#extension GL_EXT_multiview : require
#extension GL_GOOGLE_include_directive : require
#include "frame_data.glsl"

#ifndef UNTEXTURED
// Untextured materials use the variant built with UNTEXTURED: no texture fetch at all.
layout(set = 1, binding = 0) uniform sampler2D baseColorTexture;
#endif

// The sun's shadow map, compared against (render/shadow_map.h).
layout(set = 2, binding = 0) uniform sampler2DShadow shadowMap;

#include "draw_constants.glsl"

layout(location = 0) in vec3 inWorldPosition;
layout(location = 1) in vec3 inNormal;
#ifndef UNTEXTURED
layout(location = 4) in vec2 inUv;
#endif
layout(location = 2) in vec4 inColor;
layout(location = 3) flat in vec3 inTint;

layout(location = 0) out vec4 outColor;

const float PI = 3.14159265;

float ggxDistribution(float nDotH, float alpha) {
    float a2 = alpha * alpha;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / (PI * d * d);
}

float smithVisibility(float nDotV, float nDotL, float alpha) {
    float k = alpha * 0.5;
    return 0.25 / ((nDotV * (1.0 - k) + k) * (nDotL * (1.0 - k) + k));
}

// How much of the sun reaches this point: 1 lit, 0 in shadow, between at shadow edges.
float sunVisibility(vec3 world, vec3 n, float nDotL) {
    if (frame.shadowParams.x == 0.0 || nDotL <= 0.0) return 1.0;
    // Looked up a little off the surface, more where the light grazes it, so no surface
    // shadows itself (acne): by a shadow texel, or by the pixel's own size where that is
    // larger, since the surface drawn may be a simpler level of detail, up to a pixel
    // away from the one in the map.
    float footprint = max(frame.shadowParams.y, length(fwidth(world)));
    vec3 lookup = world + n * footprint * (1.5 + 2.0 * (1.0 - nDotL));
    vec4 clip = frame.shadowViewProjection * vec4(lookup, 1.0);
    vec3 map = vec3(clip.xy * 0.5 + 0.5, clip.z);
    if (map.z >= 1.0) return 1.0;
    // Four hardware-filtered taps half a texel apart: a 3x3-texel soft edge.
    float step = 0.5 * frame.shadowParams.z;
    float lit = texture(shadowMap, map + vec3(-step, -step, 0.0)) + texture(shadowMap, map + vec3(step, -step, 0.0)) +
                texture(shadowMap, map + vec3(-step, step, 0.0)) + texture(shadowMap, map + vec3(step, step, 0.0));
    return lit * 0.25;
}

vec3 filmic(vec3 x) { // Narkowicz's fit of the ACES curve
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

void main() {
#ifdef UNTEXTURED
    vec4 base = draw.baseColor * inColor;
#else
    vec4 base = draw.baseColor * texture(baseColorTexture, inUv) * inColor;
#endif
    float metallic = draw.emissiveAndMetallic.a;
    float roughness = clamp(draw.roughness, 0.04, 1.0);
    float alpha = roughness * roughness;

    vec3 toEye = normalize(frame.eyePosition[gl_ViewIndex + draw.firstEye].xyz - inWorldPosition);
    vec3 n = normalize(inNormal);
    // CAD exports often have inconsistent winding and open shells: light the side we see.
    if (dot(n, toEye) < 0.0) n = -n;
    vec3 l = frame.towardsSun.xyz;
    // With the sun exactly behind the eye, l + toEye is zero: take the normal as half-vector.
    vec3 halfSum = l + toEye;
    vec3 h = dot(halfSum, halfSum) > 1e-8 ? normalize(halfSum) : n;
    float nDotL = max(dot(n, l), 0.0);
    float nDotV = max(dot(n, toEye), 1e-4);
    float nDotH = max(dot(n, h), 0.0);
    float vDotH = max(dot(toEye, h), 0.0);

    vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
    vec3 fresnel = f0 + (1.0 - f0) * pow(clamp(1.0 - vDotH, 0.0, 1.0), 5.0);
    vec3 diffuseColor = base.rgb * (1.0 - metallic);
    vec3 specular = fresnel * ggxDistribution(nDotH, alpha) * smithVisibility(nDotV, nDotL, alpha);
    vec3 sun = (diffuseColor / PI + specular) * frame.sunColor.rgb * nDotL * sunVisibility(inWorldPosition, n, nDotL);

    vec3 ambientLight = mix(frame.groundAmbient.rgb, frame.skyAmbient.rgb, n.y * 0.5 + 0.5);
    // Metals have no diffuse: give them the ambient as a rough reflection instead.
    vec3 ambient = ambientLight * (diffuseColor + f0 * (1.0 - 0.5 * roughness));

    outColor = vec4(filmic(sun + ambient + draw.emissiveAndMetallic.rgb) + inTint, 1.0);
}
