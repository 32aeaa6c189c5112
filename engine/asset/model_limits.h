// What we accept from a model file. Beyond these, a file is refused with a message
// rather than exhausting the memory of a classroom PC or a standalone headset.
#pragma once

#include <cstdint>

namespace usine::asset {

constexpr std::uint64_t kMaxVerticesPerPrimitive = 16u << 20;   // 16 M
constexpr std::uint64_t kMaxTrianglesPerPrimitive = 32u << 20;  // 32 M
constexpr std::uint64_t kMaxUniqueTriangles = 64u << 20;        // whole model
constexpr std::uint64_t kMaxPrimitives = 1u << 20;
constexpr std::uint64_t kMaxNodes = 1u << 20;
constexpr std::uint64_t kMaxDetailLevelsPerPrimitive = 16;
constexpr std::uint64_t kMaxMaterials = 1u << 16;
constexpr std::uint64_t kMaxTextures = 4096;
constexpr std::uint64_t kMaxNodeDepth = 1024;
constexpr std::uint64_t kMaxFileBytes = 4ull << 30;

} // namespace usine::asset
