// Levels of detail for a model's primitives, built once at import (meshoptimizer), so a
// part far away is drawn with fewer triangles while its outline stays within a pixel.
#pragma once

#include "scene/model.h"

namespace usine::asset {

// Fewer triangles a level must save over the previous one to be kept: below that,
// simplification has stopped paying (closed boxes, parts already coarse).
constexpr float kDetailLevelMinSaving = 0.25f;
constexpr std::size_t kMaxDetailLevels = 6;
// The largest error a level may introduce, as a share of the primitive's size: beyond
// it a level would only ever be chosen for parts a few pixels wide.
constexpr float kDetailLevelMaxRelativeError = 0.1f;
// Primitives of fewer triangles keep their one level.
constexpr std::size_t kDetailLevelMinTriangles = 64;

// Reorders each primitive's triangles for the GPU's vertex cache and its vertices for
// fetch locality, then adds simplified levels: each with about half the triangles of
// the one before, and the geometric error it introduces in the primitive's units
// (measured, see surface_deviation.h). Errors grow from level to level.
void buildDetailLevels(scene::Model& model);

} // namespace usine::asset
