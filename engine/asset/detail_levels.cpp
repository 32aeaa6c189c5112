// Vertex cache order and simplified levels with meshoptimizer (see detail_levels.h).
#include "asset/detail_levels.h"

#include "asset/surface_deviation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <meshoptimizer.h>

namespace usine::asset {
namespace {

void buildLevels(scene::Primitive& primitive) {
    if (primitive.indices.empty() || primitive.vertices.empty()) return;
    primitive.detailLevels.clear();
    const std::size_t indexCount = primitive.indices.size();
    meshopt_optimizeVertexCache(primitive.indices.data(), primitive.indices.data(), indexCount,
                                primitive.vertices.size());
    // Vertices in the order triangles first use them (unused ones dropped): fetches then
    // walk memory forwards.
    std::vector<scene::Vertex> ordered(primitive.vertices.size());
    const std::size_t used = meshopt_optimizeVertexFetch(ordered.data(), primitive.indices.data(), indexCount,
                                                         primitive.vertices.data(), primitive.vertices.size(),
                                                         sizeof(scene::Vertex));
    ordered.resize(used);
    primitive.vertices = std::move(ordered);
    if (indexCount / 3 < kDetailLevelMinTriangles) return;

    const float* positions = &primitive.vertices[0].position.x;
    const float scale = meshopt_simplifyScale(positions, used, sizeof(scene::Vertex));
    std::size_t previousCount = indexCount;
    std::vector<std::uint32_t> simplified(indexCount);
    while (primitive.detailLevels.size() < kMaxDetailLevels) {
        const std::size_t target = previousCount / 2 / 3 * 3;
        if (target / 3 < kDetailLevelMinTriangles / 2) break;
        float relativeError = 0;
        // Always from the full detail: errors do not add up level after level.
        std::size_t count =
            meshopt_simplify(simplified.data(), primitive.indices.data(), indexCount, positions, used,
                             sizeof(scene::Vertex), target, kDetailLevelMaxRelativeError, 0, &relativeError);
        if (float(count) > float(previousCount) * (1.0f - kDetailLevelMinSaving)) {
            // CAD parts are stitched from separate faces whose open borders the careful
            // simplifier keeps: past that point, merge vertices on a grid regardless of
            // topology. Its error is measured the same way, and chosen by it the same way.
            count = meshopt_simplifySloppy(simplified.data(), primitive.indices.data(), indexCount, positions, used,
                                           sizeof(scene::Vertex), target, kDetailLevelMaxRelativeError, &relativeError);
        }
        if (count == 0 || float(count) > float(previousCount) * (1.0f - kDetailLevelMinSaving)) break;
        scene::DetailLevel level;
        level.indices.assign(simplified.begin(), simplified.begin() + static_cast<std::ptrdiff_t>(count));
        meshopt_optimizeVertexCache(level.indices.data(), level.indices.data(), count, used);
        // meshoptimizer's estimate can be several times too small: the measured
        // deviation decides, the estimate only when larger.
        level.error = std::max(relativeError * scale, surfaceDeviation(primitive.vertices, primitive.indices, level.indices));
        if (!std::isfinite(level.error)) break;
        primitive.detailLevels.push_back(std::move(level));
        previousCount = count;
    }
    // A level no more exact than a simpler one after it would never be the right choice.
    std::vector<scene::DetailLevel> kept;
    float bestError = std::numeric_limits<float>::infinity();
    for (auto level = primitive.detailLevels.rbegin(); level != primitive.detailLevels.rend(); ++level)
        if (level->error < bestError) {
            bestError = level->error;
            kept.insert(kept.begin(), std::move(*level));
        }
    primitive.detailLevels = std::move(kept);
}

} // namespace

void buildDetailLevels(scene::Model& model) {
    for (scene::Primitive& primitive : model.primitives) buildLevels(primitive);
}

} // namespace usine::asset
