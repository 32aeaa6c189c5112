// Draws panels (ui::PanelDrawing) placed in the world, with depth, after the scene: their
// quads are set out on the CPU each frame (a few hundred) and drawn by one unlit
// pipeline that cuts glyphs from their distance fields (glyph_atlas.h).
#pragma once

#include "core/view_geometry.h"
#include "gpu/gpu_buffer.h"
#include "gpu/owned_handle.h"
#include "render/glyph_atlas.h"
#include "ui/panel_layout.h"

#include <vector>

namespace usine::render {

using ui::PlacedPanel;

class PanelRenderer {
public:
    // `frameSetLayout`: the scene renderer's per-frame uniforms (set 0).
    PanelRenderer(gpu::GpuContext& context, ui::SdfGlyphs& glyphs, VkDescriptorSetLayout frameSetLayout,
                  VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples, std::uint32_t viewMask);

    // The panels of the next frame (between frames: rewrites the vertex buffer).
    void setPanels(const std::vector<PlacedPanel>& panels);
    // Records the draws into the current pass (the scene's frame uniforms in `frameSet`).
    void draw(VkCommandBuffer commands, VkExtent2D extent, std::uint32_t firstEye, VkDescriptorSet frameSet) const;

    std::size_t glyphsInAtlas() const { return atlas_.glyphCount(); }

private:
    gpu::GpuContext& context_;
    GlyphAtlas atlas_;
    gpu::OwnedDescriptorSetLayout atlasLayout_;
    gpu::OwnedDescriptorPool pool_;
    VkDescriptorSet atlasSet_ = VK_NULL_HANDLE;
    gpu::OwnedPipelineLayout pipelineLayout_;
    gpu::OwnedPipeline pipeline_;
    gpu::GpuBuffer vertices_;
    std::uint32_t vertexCount_ = 0;
};

} // namespace usine::render
