// An 8-bit RGBA picture in memory: decoded textures, rendered frames, golden images.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace usine {

struct Rgba8Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // row-major, top row first, 4 bytes per pixel

    Rgba8Image() = default;
    Rgba8Image(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 4, 0) {}

    bool empty() const { return width == 0 || height == 0; }
    std::uint8_t* at(int x, int y) { return &pixels[(static_cast<std::size_t>(y) * width + x) * 4]; }
    const std::uint8_t* at(int x, int y) const { return &pixels[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Places two pictures of equal height next to each other (left eye, right eye).
Rgba8Image sideBySide(const Rgba8Image& left, const Rgba8Image& right);

} // namespace usine
