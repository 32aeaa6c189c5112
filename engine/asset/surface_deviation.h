// How far a simplified surface strays from the full one, measured: meshoptimizer's own
// error is an estimate (up to 2.5 times too small on a sphere, tests/asset), and the
// renderer trusts the error to keep a simpler level within a pixel.
#pragma once

#include "scene/model.h"

#include <cstdint>
#include <vector>

namespace usine::asset {

// Triangles of the full surface whose points are measured, at most: beyond, an even
// spread of them (a part of millions of triangles still imports in seconds).
constexpr std::size_t kMaxSampledTriangles = 20000;

// The largest distance from a point of the full surface (each vertex and each triangle's
// centre) to the nearest triangle of `simplified`, both over `vertices`.
float surfaceDeviation(const std::vector<scene::Vertex>& vertices, const std::vector<std::uint32_t>& full,
                       const std::vector<std::uint32_t>& simplified);

} // namespace usine::asset
