// Which GPU to render with. Pure logic over a list of candidates, so the rules are
// tested without hardware: a name asked for (--gpu) wins; otherwise a discrete GPU is
// preferred over an integrated one, over a virtual one, over a CPU rasterizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace usine::gpu {

struct GpuCandidate {
    std::string name;
    VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
    std::string unusableReason; // empty when the GPU has everything we need
};

// Index of the chosen candidate. `wanted` is a case-insensitive part of the name, or
// empty. Throws UserError naming the GPUs found when none fits.
std::size_t chooseGpu(const std::vector<GpuCandidate>& candidates, const std::string& wanted);

const char* deviceTypeName(VkPhysicalDeviceType type);

} // namespace usine::gpu
