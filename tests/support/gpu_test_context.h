// The GPU every test of a process shares: lavapipe (pinned by ctest's environment),
// validation layer always on. Every test case is checked for validation messages by
// the listener in test_main.cpp: any warning or error fails the run.
#pragma once

#include "gpu/gpu_context.h"

namespace usine::testing {

gpu::GpuContext& sharedGpu();
// True once sharedGpu() has been created in this process.
bool sharedGpuExists();

} // namespace usine::testing
