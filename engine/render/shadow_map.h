// The sun's shadow map: one depth image per frame slot, drawn from the light before the
// eyes' passes (GpuScene lists its casters) and sampled by the mesh shaders with a
// depth comparison (hardware-filtered, four taps).
//
// Drawn only when the frame asks for shadows and the scene is within reach; otherwise
// the slot's map holds "nothing in shadow" and the frame uniforms say no shadows.
#pragma once

#include "gpu/gpu_image.h"
#include "gpu/owned_handle.h"

#include <array>
#include <cstdint>

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

class GpuScene;

class ShadowMap {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_D32_SFLOAT;

    // `size` texels a side; `frameSetLayout`: set 0 of the shadow pipeline (the frame
    // uniforms, holding the light's view-projection); `shadowSetLayout`: one combined
    // image sampler for the fragment stage, as the mesh pipelines take it.
    ShadowMap(gpu::GpuContext& context, std::uint32_t size, VkDescriptorSetLayout frameSetLayout,
              VkDescriptorSetLayout shadowSetLayout);

    std::uint32_t size() const { return size_; }
    // The slot's map, for the mesh pipelines' set.
    VkDescriptorSet set(std::uint32_t slot) const { return slots_[slot].set; }

    // Records the slot's map: GpuScene::shadowDraws() seen from the light when `draw`,
    // else cleared to "nothing in shadow". Leaves it ready to be sampled by fragments.
    void record(VkCommandBuffer commands, const GpuScene& scene, std::uint32_t slot, VkDescriptorSet frameSet,
                bool draw);

private:
    struct Slot {
        gpu::GpuImage depth;
        VkDescriptorSet set = VK_NULL_HANDLE;
        bool cleared = false; // holds "nothing in shadow" already
    };
    std::uint32_t size_;
    gpu::OwnedSampler sampler_;
    gpu::OwnedDescriptorPool pool_;
    gpu::OwnedPipelineLayout layout_;
    gpu::OwnedPipeline pipeline_;
    std::array<Slot, 2> slots_;
};

} // namespace usine::render
