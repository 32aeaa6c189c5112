// SPIR-V of the engine's shaders, compiled by glslc at build time.
#pragma once

#include <cstdint>
#include <span>

namespace usine::render::shaders {

std::span<const std::uint32_t> meshVertex();
std::span<const std::uint32_t> meshFragment();
// For materials without a texture: no texture coordinates, no sampling.
std::span<const std::uint32_t> meshUntexturedVertex();
std::span<const std::uint32_t> meshUntexturedFragment();
std::span<const std::uint32_t> shadowVertex();
std::span<const std::uint32_t> panelVertex();
std::span<const std::uint32_t> panelFragment();

} // namespace usine::render::shaders
