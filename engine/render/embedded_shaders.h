// SPIR-V of the engine's shaders, compiled by glslc at build time.
#pragma once

#include <cstdint>
#include <span>

namespace usine::render::shaders {

std::span<const std::uint32_t> meshVertex();
std::span<const std::uint32_t> meshFragment();
std::span<const std::uint32_t> panelVertex();
std::span<const std::uint32_t> panelFragment();

} // namespace usine::render::shaders
