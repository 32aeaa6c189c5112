// XWD (X Window Dump) parsing: a big-endian header, a colour map, then the pixels.
#include "support/xwd_reader.h"

#include "core/files.h"

#include <bit>
#include <stdexcept>

namespace usine::testing {
namespace {

std::uint32_t bigEndian(const std::vector<std::uint8_t>& bytes, std::size_t at) {
    if (at + 4 > bytes.size()) throw std::runtime_error("xwd: truncated header");
    return std::uint32_t(bytes[at]) << 24 | std::uint32_t(bytes[at + 1]) << 16 | std::uint32_t(bytes[at + 2]) << 8 |
           bytes[at + 3];
}

std::uint8_t channel(std::uint32_t pixel, std::uint32_t mask) {
    if (!mask) return 0;
    return static_cast<std::uint8_t>((pixel & mask) >> std::countr_zero(mask));
}

} // namespace

Rgba8Image readXwdScreenshot(const std::filesystem::path& path) {
    const std::vector<std::uint8_t> bytes = readFileBytes(path);
    auto field = [&](int index) { return bigEndian(bytes, std::size_t(index) * 4); };
    const std::uint32_t headerSize = field(0), format = field(2), width = field(4), height = field(5);
    const std::uint32_t byteOrder = field(7), bitsPerPixel = field(11), bytesPerLine = field(12);
    const std::uint32_t redMask = field(14), greenMask = field(15), blueMask = field(16), colors = field(19);
    if (format != 2 || (bitsPerPixel != 32 && bitsPerPixel != 24))
        throw std::runtime_error("xwd: only 24/32-bit ZPixmap screenshots are read");
    const std::size_t data = headerSize + std::size_t(colors) * 12;
    if (data + std::size_t(bytesPerLine) * height > bytes.size()) throw std::runtime_error("xwd: truncated pixels");

    Rgba8Image image(static_cast<int>(width), static_cast<int>(height));
    const std::uint32_t bytesPerPixel = bitsPerPixel / 8;
    for (std::uint32_t y = 0; y < height; ++y) {
        for (std::uint32_t x = 0; x < width; ++x) {
            const std::uint8_t* p = &bytes[data + std::size_t(y) * bytesPerLine + std::size_t(x) * bytesPerPixel];
            std::uint32_t pixel = 0;
            for (std::uint32_t b = 0; b < bytesPerPixel; ++b) {
                const std::uint32_t shift = byteOrder == 0 ? 8 * b : 8 * (bytesPerPixel - 1 - b); // 0: LSB first
                pixel |= std::uint32_t(p[b]) << shift;
            }
            std::uint8_t* out = image.at(int(x), int(y));
            out[0] = channel(pixel, redMask);
            out[1] = channel(pixel, greenMask);
            out[2] = channel(pixel, blueMask);
            out[3] = 255;
        }
    }
    return image;
}

} // namespace usine::testing
