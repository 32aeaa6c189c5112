// GPU choice rules (see gpu_choice.h).
#include "gpu/gpu_choice.h"

#include "core/error.h"
#include "core/text.h"

namespace usine::gpu {
namespace {

int preferenceRank(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
    default: return 4;
    }
}

std::string describeAll(const std::vector<GpuCandidate>& candidates) {
    std::string list;
    for (const GpuCandidate& candidate : candidates) {
        if (!list.empty()) list += "; ";
        list += concat("'", candidate.name, "' (", deviceTypeName(candidate.type));
        if (!candidate.unusableReason.empty()) list += concat(", unusable: ", candidate.unusableReason);
        list += ")";
    }
    return list.empty() ? "none" : list;
}

} // namespace

const char* deviceTypeName(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete GPU";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated GPU";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual GPU";
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return "software renderer";
    default: return "other device";
    }
}

std::size_t chooseGpu(const std::vector<GpuCandidate>& candidates, const std::string& wanted) {
    if (!wanted.empty()) {
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (!containsIgnoringCase(candidates[i].name, wanted)) continue;
            if (!candidates[i].unusableReason.empty())
                throw UserError(concat("GPU '", candidates[i].name, "' cannot be used: ",
                                       candidates[i].unusableReason));
            return i;
        }
        throw UserError(concat("no GPU named like '", wanted, "'; found: ", describeAll(candidates)));
    }
    std::size_t best = candidates.size();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].unusableReason.empty()) continue;
        if (best == candidates.size() || preferenceRank(candidates[i].type) < preferenceRank(candidates[best].type))
            best = i;
    }
    if (best == candidates.size())
        throw UserError(concat("no usable Vulkan GPU (Vulkan 1.3 with multiview is needed); found: ",
                               describeAll(candidates)));
    return best;
}

} // namespace usine::gpu
