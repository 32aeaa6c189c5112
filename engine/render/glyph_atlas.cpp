// Shelf packing of distance fields into one texture (see glyph_atlas.h).
#include "render/glyph_atlas.h"

#include "core/error.h"
#include "core/text.h"
#include "gpu/gpu_context.h"
#include "gpu/upload_batch.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <cstring>

namespace usine::render {

using namespace usine::gpu;

GlyphAtlas::GlyphAtlas(GpuContext& context, ui::SdfGlyphs& glyphs, std::uint32_t side)
    : context_(context), glyphs_(glyphs), side_(side), texels_(std::size_t(side) * side, 0) {
    ImageDescription description;
    description.format = VK_FORMAT_R8_UNORM; // distances, not colours: never sRGB-decoded
    description.extent = {side, side};
    description.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    image_ = createImage(context, description);

    auto samplerInfo = vkStruct<VkSamplerCreateInfo>(VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO);
    samplerInfo.magFilter = VK_FILTER_LINEAR; // distances interpolate: that is what keeps edges smooth
    samplerInfo.minFilter = VK_FILTER_LINEAR;
    samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
    samplerInfo.addressModeU = samplerInfo.addressModeV = samplerInfo.addressModeW =
        VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    VkSampler sampler;
    VK_CHECK(vkCreateSampler(context.device(), &samplerInfo, nullptr, &sampler));
    sampler_ = OwnedSampler(context.device(), sampler);
}

glm::vec4 GlyphAtlas::uvRect(std::uint32_t glyph) {
    if (auto found = places_.find(glyph); found != places_.end()) return found->second;
    const ui::SdfGlyph& field = glyphs_.glyph(glyph);
    const auto width = static_cast<std::uint32_t>(field.width);
    const auto height = static_cast<std::uint32_t>(field.height);
    if (rowX_ + width + 1 > side_) { // next shelf
        rowX_ = 1;
        rowY_ += rowHeight_ + 1;
        rowHeight_ = 0;
    }
    if (rowY_ + height + 1 > side_ || width + 2 > side_)
        throw SystemError(concat("the glyph atlas (", side_, "x", side_, ") is full after ", places_.size(),
                                 " glyphs"));
    for (std::uint32_t y = 0; y < height; ++y)
        std::memcpy(&texels_[std::size_t(rowY_ + y) * side_ + rowX_], &field.distance[std::size_t(y) * width], width);
    const float side = static_cast<float>(side_);
    const glm::vec4 place(float(rowX_) / side, float(rowY_) / side, float(rowX_ + width) / side,
                          float(rowY_ + height) / side);
    rowX_ += width + 1;
    rowHeight_ = std::max(rowHeight_, height);
    changed_ = true;
    return places_.emplace(glyph, place).first->second;
}

void GlyphAtlas::uploadIfChanged() {
    if (!changed_) return;
    UploadBatch upload(context_, texels_.size());
    upload.copyToByteImage(image_, texels_);
    upload.finish();
    changed_ = false;
}

} // namespace usine::render
