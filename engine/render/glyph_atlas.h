// The glyphs' distance fields on the GPU: one R8 texture they are packed into, row by
// row, as text first needs them. Every text of a visit is known at start-up, so in a
// visit the atlas is filled once; a glyph added later re-uploads it between frames.
#pragma once

#include "gpu/gpu_image.h"
#include "gpu/owned_handle.h"
#include "ui/sdf_glyphs.h"

#include <cstdint>
#include <map>
#include <vector>

#include <glm/glm.hpp>

namespace usine::gpu {
class GpuContext;
}

namespace usine::render {

class GlyphAtlas {
public:
    GlyphAtlas(gpu::GpuContext& context, ui::SdfGlyphs& glyphs, std::uint32_t side = 2048);

    // Where a glyph's field lies in the atlas (u0, v0, u1, v1); packed on first use.
    // Throws SystemError when the atlas is full.
    glm::vec4 uvRect(std::uint32_t glyph);
    // Sends glyphs added since the last call to the GPU (between frames only).
    void uploadIfChanged();
    // Glyphs were added since the last upload.
    bool changed() const { return changed_; }

    VkImageView view() const { return image_.view.get(); }
    VkSampler sampler() const { return sampler_.get(); }
    std::size_t glyphCount() const { return places_.size(); }

private:
    gpu::GpuContext& context_;
    ui::SdfGlyphs& glyphs_;
    std::uint32_t side_;
    std::vector<std::uint8_t> texels_;
    std::map<std::uint32_t, glm::vec4> places_;
    std::uint32_t rowX_ = 1, rowY_ = 1, rowHeight_ = 0; // shelf packing, 1 texel apart
    bool changed_ = true;
    gpu::GpuImage image_;
    gpu::OwnedSampler sampler_;
};

} // namespace usine::render
