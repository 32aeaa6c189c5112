// The shared, validated test GPU.
#include "support/gpu_test_context.h"

#include <memory>

namespace usine::testing {
namespace {
std::unique_ptr<gpu::GpuContext>& instance() {
    static std::unique_ptr<gpu::GpuContext> context;
    return context;
}
} // namespace

gpu::GpuContext& sharedGpu() {
    if (!instance()) {
        gpu::GpuOptions options;
        options.validation = true;
        instance() = std::make_unique<gpu::GpuContext>(options);
    }
    return *instance();
}

bool sharedGpuExists() { return instance() != nullptr; }

} // namespace usine::testing
