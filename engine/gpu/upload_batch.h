// Copies CPU data into device-local buffers and images through staging memory.
// Data is written straight into mapped staging chunks; when a chunk is full the batch
// submits what it has and reuses it, so a 30-million-triangle plant never needs its
// whole size twice in memory.
#pragma once

#include "core/image.h"
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace usine::gpu {

class GpuContext;

class UploadBatch {
public:
    explicit UploadBatch(GpuContext& context, VkDeviceSize chunkSize = 32ull << 20);

    void copyToBuffer(const GpuBuffer& destination, VkDeviceSize offset, std::span<const std::uint8_t> data);
    // Fills mip level 0 (and the rest by linear blits when the image has more levels);
    // the image ends in SHADER_READ_ONLY_OPTIMAL for fragment shaders.
    void copyToImage(const GpuImage& destination, const Rgba8Image& pixels);
    // Fills a one-level, one-byte-per-texel image (R8_UNORM: a glyph atlas) with
    // width x height bytes, row by row; it ends in SHADER_READ_ONLY_OPTIMAL.
    void copyToByteImage(const GpuImage& destination, std::span<const std::uint8_t> texels);
    // Submits everything still pending and waits for it.
    void finish();

    std::uint64_t bytesUploaded() const { return bytesUploaded_; }

private:
    using Recording = std::function<void(VkCommandBuffer)>;
    // Reserves `size` bytes (aligned) in the current staging chunk, flushing first if needed.
    VkDeviceSize reserve(VkDeviceSize size, VkDeviceSize alignment);
    std::uint8_t* stagingAt(VkDeviceSize offset) const;
    void flush();

    GpuContext& context_;
    VkDeviceSize chunkSize_;
    GpuBuffer staging_;
    VkDeviceSize used_ = 0;
    std::vector<Recording> pending_;
    std::uint64_t bytesUploaded_ = 0;
};

// True when this format can be shrunk with linear blits to build a mip chain.
bool canBlitMipmaps(GpuContext& context, VkFormat format);

} // namespace usine::gpu
