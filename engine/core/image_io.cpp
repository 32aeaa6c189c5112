// stb_image / stb_image_write glue (Debian's libstb provides the implementations).
#include "core/image_io.h"

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"

#include <climits>
#include <cstring>
#include <stb_image.h>
#include <stb_image_write.h>

namespace usine {

Rgba8Image sideBySide(const Rgba8Image& left, const Rgba8Image& right) {
    if (left.height != right.height) throw SystemError("sideBySide: pictures differ in height");
    Rgba8Image joined(left.width + right.width, left.height);
    for (int y = 0; y < left.height; ++y) {
        std::memcpy(joined.at(0, y), left.at(0, y), static_cast<size_t>(left.width) * 4);
        std::memcpy(joined.at(left.width, y), right.at(0, y), static_cast<size_t>(right.width) * 4);
    }
    return joined;
}

Rgba8Image decodeImage(std::span<const std::uint8_t> encoded, const std::string& what) {
    if (encoded.empty()) throw UserError(concat(what, ": the picture is empty (0 bytes)"));
    if (encoded.size() > static_cast<size_t>(INT_MAX))
        throw UserError(concat(what, ": the picture file is too large"));
    const int length = static_cast<int>(encoded.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(encoded.data(), length, &width, &height, &channels))
        throw UserError(concat(what, ": not a readable picture (", stbi_failure_reason(),
                               "); use PNG, JPEG or TGA"));
    if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide)
        throw UserError(concat(what, ": picture is ", width, "x", height, " pixels; the limit is ",
                               kMaxImageSide, " a side"));
    unsigned char* decoded = stbi_load_from_memory(encoded.data(), length, &width, &height, &channels, 4);
    if (!decoded) throw UserError(concat(what, ": cannot decode the picture (", stbi_failure_reason(), ")"));
    Rgba8Image image(width, height);
    std::memcpy(image.pixels.data(), decoded, image.pixels.size());
    stbi_image_free(decoded);
    return image;
}

Rgba8Image readImageFile(const std::filesystem::path& path) {
    std::vector<std::uint8_t> bytes = readFileBytes(path);
    return decodeImage(bytes, path.string());
}

std::optional<std::pair<int, int>> readImageFileSize(const std::filesystem::path& path) {
    int width = 0, height = 0, channels = 0;
    if (!stbi_info(path.c_str(), &width, &height, &channels) || width <= 0 || height <= 0) return std::nullopt;
    return std::pair{width, height};
}

namespace {
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    auto* bytes = static_cast<std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}
} // namespace

void writePng(const std::filesystem::path& path, const Rgba8Image& image) {
    std::vector<std::uint8_t> encoded;
    if (!stbi_write_png_to_func(appendBytes, &encoded, image.width, image.height, 4, image.pixels.data(),
                                image.width * 4))
        throw SystemError(concat(path.string(), ": PNG encoding failed"));
    writeFileBytes(path, encoded.data(), encoded.size());
}

} // namespace usine
