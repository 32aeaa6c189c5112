// Which GPU is chosen, and what is said when none fits.
#include "core/error.h"
#include "gpu/gpu_choice.h"

#include <catch2/catch.hpp>

using namespace usine::gpu;

TEST_CASE("a discrete GPU is preferred to an integrated one and to a software renderer", "[gpu]") {
    const std::vector<GpuCandidate> gpus{{"llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU, ""},
                                         {"Intel UHD 630", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU, ""},
                                         {"NVIDIA RTX 4070", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, ""}};
    CHECK(chooseGpu(gpus, "") == 2);
}

TEST_CASE("an unusable GPU is passed over", "[gpu]") {
    const std::vector<GpuCandidate> gpus{
        {"Old GPU", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "supports Vulkan 1.1, 1.3 is needed"},
        {"llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU, ""}};
    CHECK(chooseGpu(gpus, "") == 1);
}

TEST_CASE("--gpu NAME picks by part of the name, ignoring case", "[gpu]") {
    const std::vector<GpuCandidate> gpus{{"NVIDIA H100", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, ""},
                                         {"llvmpipe (LLVM 15)", VK_PHYSICAL_DEVICE_TYPE_CPU, ""}};
    CHECK(chooseGpu(gpus, "LLVMPIPE") == 1);
    CHECK_THROWS_WITH(chooseGpu(gpus, "radeon"), Catch::Contains("no GPU named like 'radeon'") &&
                                                     Catch::Contains("'NVIDIA H100' (discrete GPU)"));
}

TEST_CASE("no usable GPU gives a message listing what was found and why", "[gpu]") {
    const std::vector<GpuCandidate> gpus{{"Old GPU", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "no multiview"}};
    CHECK_THROWS_WITH(chooseGpu(gpus, ""), Catch::Contains("no usable Vulkan GPU") && Catch::Contains("no multiview"));
    CHECK_THROWS_AS(chooseGpu({}, ""), usine::UserError);
    CHECK_THROWS_WITH(chooseGpu(gpus, "old"), Catch::Contains("cannot be used: no multiview"));
}
