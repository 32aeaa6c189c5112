// Reads the screenshots `xwd -root` takes of an X server (ZPixmap, 24 or 32 bits per
// pixel), so tests can look at what a window really showed.
#pragma once

#include "core/image.h"

#include <filesystem>

namespace usine::testing {

Rgba8Image readXwdScreenshot(const std::filesystem::path& path);

} // namespace usine::testing
