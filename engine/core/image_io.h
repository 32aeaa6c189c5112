// Decoding (PNG, JPEG, TGA, BMP via stb_image) and PNG encoding of Rgba8Images.
// Decoding is for untrusted bytes: sizes are checked before any pixel is decoded.
#pragma once

#include "core/image.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>

namespace usine {

// Largest texture side we accept; bigger pictures are refused with a clear message.
constexpr int kMaxImageSide = 16384;

// Decodes an encoded picture to RGBA8. `what` names the source in error messages
// (a file name, or "embedded texture 0 of engine.glb"). Throws UserError.
Rgba8Image decodeImage(std::span<const std::uint8_t> encoded, const std::string& what);
Rgba8Image readImageFile(const std::filesystem::path& path);
// Width and height from a picture file's header alone (nothing decoded); nullopt when
// the file is not a picture stb_image knows.
std::optional<std::pair<int, int>> readImageFileSize(const std::filesystem::path& path);
void writePng(const std::filesystem::path& path, const Rgba8Image& image);

} // namespace usine
