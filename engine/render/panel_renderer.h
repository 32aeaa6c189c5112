// Draws panels (ui::PanelDrawing) placed in the world, with depth, after the scene: their
// quads are set out on the CPU each frame (a few hundred) and drawn by one unlit
// pipeline that cuts glyphs from their distance fields (glyph_atlas.h).
#pragma once

#include "core/view_geometry.h"
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"
#include "gpu/owned_handle.h"
#include "render/frame_destination.h"
#include "render/glyph_atlas.h"
#include "ui/panel_layout.h"

#include <array>
#include <filesystem>
#include <map>
#include <vector>

namespace usine::render {

using ui::PlacedPanel;

class PanelRenderer {
public:
    // `frameSetLayout`: the scene renderer's per-frame uniforms (set 0).
    PanelRenderer(gpu::GpuContext& context, ui::SdfGlyphs& glyphs, VkDescriptorSetLayout frameSetLayout,
                  VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples, std::uint32_t viewMask);

    static constexpr std::uint32_t kFrameSlots = 2; // frames in flight, each with its own vertices

    // The panels of the frame recorded in `slot` (whose previous frame must be finished:
    // its vertex buffer is rewritten): those placed in the world, and those drawn as
    // pictures of their own (`pictures`, for a display's quad layers: each fills its
    // image, see recordPictures). New glyphs wait in the atlas for uploadAtlas().
    void setPanels(std::uint32_t slot, const std::vector<PlacedPanel>& panels,
                   const std::vector<ui::PanelDrawing>& pictures = {});
    // Whether setPanels added glyphs; uploading them rewrites the atlas image, which
    // frames still in flight may be reading: wait for them first.
    bool atlasChanged() const { return atlas_.changed(); }
    // Reads the pictures these panels show that are not on the GPU yet: a missing or
    // broken file is reported (UserError naming it) when the panels are given, not a
    // frame later.
    void loadPictures(const std::vector<PlacedPanel>& panels, const std::vector<ui::PanelDrawing>& pictures);
    void uploadAtlas() { atlas_.uploadIfChanged(); }
    // Records the world panels' draws into the current pass (the scene's frame uniforms
    // in `frameSet`).
    void draw(VkCommandBuffer commands, VkExtent2D extent, std::uint32_t firstEye, VkDescriptorSet frameSet,
              std::uint32_t slot) const;
    // Records each picture panel into its image (outside any pass), in setPanels order.
    void recordPictures(VkCommandBuffer commands, const std::vector<PanelImage>& images, std::uint32_t slot);

    std::size_t glyphsInAtlas() const { return atlas_.glyphCount(); }

private:
    gpu::GpuContext& context_;
    GlyphAtlas atlas_;
    gpu::OwnedDescriptorSetLayout atlasLayout_;
    gpu::OwnedDescriptorPool pool_;
    VkDescriptorSet atlasSet_ = VK_NULL_HANDLE;
    gpu::OwnedPipelineLayout pipelineLayout_;
    gpu::OwnedPipeline pipeline_;
    VkPipeline picturePipeline(VkFormat format);
    // Vertices drawn with one texture: the glyph atlas, or one of the panels' pictures.
    struct Batch {
        std::uint32_t first = 0, count = 0;
        VkDescriptorSet texture = VK_NULL_HANDLE;
    };
    template <typename Place>
    std::vector<Batch> appendPanel(std::vector<struct PanelVertex>& vertices, const ui::PanelDrawing& drawing, Place place);
    // A panel's picture on the GPU, read from its file on first use (UserError naming it).
    VkDescriptorSet pictureTexture(const std::filesystem::path& file);
    void drawBatches(VkCommandBuffer commands, const std::vector<Batch>& batches) const;

    struct SlotPanels {
        gpu::GpuBuffer vertices;
        std::vector<Batch> world;                   // the world panels' vertices, first in the buffer
        std::vector<std::vector<Batch>> imagePanels; // then each panel drawn into an image of its own
    };
    std::array<SlotPanels, kFrameSlots> slots_;
    struct PictureTexture {
        gpu::GpuImage image;
        VkDescriptorSet set = VK_NULL_HANDLE;
    };
    std::map<std::filesystem::path, PictureTexture> pictureTextures_;
    gpu::OwnedSampler pictureSampler_;
    gpu::OwnedDescriptorPool picturePool_;       // their descriptor sets
    // Pictures: no depth, one sample, one view, in the display's format; clip-space
    // vertices under an identity view-projection (their own uniform buffer).
    gpu::OwnedShaderModule vertexShader_;
    gpu::OwnedShaderModule fragmentShader_;
    std::map<VkFormat, gpu::OwnedPipeline> picturePipelines_;
    gpu::GpuBuffer pictureUniforms_;
    gpu::OwnedDescriptorPool imageFramePool_;
    VkDescriptorSet pictureFrameSet_ = VK_NULL_HANDLE;
};

} // namespace usine::render
