// The test runtime's readback of one eye: samples the application's swapchain image
// (the runtime adds SAMPLED to every swapchain, as Monado does) and writes its pixels,
// as stored, into a buffer. Sampling rather than copying means the readback needs no
// usage the application did not ask for, so the application is held to exactly its own.
#version 450

layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2DArray eye;
layout(std430, set = 0, binding = 1) writeonly buffer Pixels {
    uint rgba[]; // R in the low byte
} pixels;

layout(push_constant) uniform Region {
    ivec2 offset;        // the sub-image rectangle in the image
    uvec2 size;
    uint layer;          // imageArrayIndex
    uint srgb;           // 1: sampling decoded sRGB; encode again to give the stored bytes
    uint firstPixel;     // where this eye starts in the buffer, in pixels
} region;

float encodeSrgb(float linear) {
    return linear <= 0.0031308 ? linear * 12.92 : 1.055 * pow(linear, 1.0 / 2.4) - 0.055;
}

void main() {
    const uvec2 at = gl_GlobalInvocationID.xy;
    if (at.x >= region.size.x || at.y >= region.size.y) return;
    vec4 color = texelFetch(eye, ivec3(region.offset + ivec2(at), int(region.layer)), 0);
    if (region.srgb != 0u) color.rgb = vec3(encodeSrgb(color.r), encodeSrgb(color.g), encodeSrgb(color.b));
    const uvec4 bytes = uvec4(round(clamp(color, 0.0, 1.0) * 255.0));
    pixels.rgba[region.firstPixel + at.y * region.size.x + at.x] =
        bytes.r | (bytes.g << 8) | (bytes.b << 16) | (bytes.a << 24);
}
