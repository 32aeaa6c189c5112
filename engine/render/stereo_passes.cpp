// Stereo pass choice per driver (see stereo_passes.h).
#include "render/stereo_passes.h"

namespace usine::render {

StereoPasses preferredStereoPasses(const gpu::GpuCapabilities& capabilities) {
    // Measured on Mesa 22.3.6 lavapipe: with view mask 0b11, triangles crossing the
    // frustum edge are drawn from the wrong view's vertices or not at all
    // (tests/render/stereo_passes_test.cpp shows the difference).
    if (capabilities.driverId == VK_DRIVER_ID_MESA_LLVMPIPE) return StereoPasses::OnePassPerEye;
    return StereoPasses::OneMultiviewPass;
}

const char* describe(StereoPasses passes) {
    return passes == StereoPasses::OneMultiviewPass ? "one multiview pass" : "one pass per eye";
}

} // namespace usine::render
