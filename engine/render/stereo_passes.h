// How the two eyes are drawn. The renderer's way is one multiview pass for both eyes
// (geometry is submitted once; the GPU replicates it per eye). One known driver gets
// that wrong: Mesa's lavapipe (22.3, Debian 12's) misplaces triangles that must be
// clipped at the picture's edge or near plane when a pass has two views, so parts of
// a machine vanish from an eye. There, each eye gets its own single-view pass into its
// layer; the pictures are then right, at twice the geometry work (only ever on a CPU
// rasterizer, never on a headset).
#pragma once

#include "gpu/gpu_context.h"

namespace usine::render {

enum class StereoPasses {
    OneMultiviewPass, // view mask 0b11, one pass
    OnePassPerEye,    // view mask 0, one pass per layer
};

StereoPasses preferredStereoPasses(const gpu::GpuCapabilities& capabilities);
const char* describe(StereoPasses passes);

} // namespace usine::render
