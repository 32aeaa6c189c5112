// Point-to-surface distances through a uniform grid of the simplified triangles.
#include "asset/surface_deviation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace usine::asset {
namespace {

// Distance from a point to a triangle: the closest point found by Voronoi region
// (vertex, edge or face), as in Ericson, Real-Time Collision Detection, 5.1.5.
float distanceToTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return glm::length(p - a);
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return glm::length(p - b);
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return glm::length(p - c);
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0)
        return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
    const float denominator = va + vb + vc;
    if (!(std::abs(denominator) > 0)) return glm::length(p - a); // degenerate triangle
    return glm::length(p - (a + ab * (vb / denominator) + ac * (vc / denominator)));
}

// A bounding volume hierarchy over the simplified triangles: nearest-triangle queries
// visit the nearer boxes first and skip every box farther than the best distance so far.
// (A uniform grid was tried first: CAD's long thin triangles fill many cells each.)
class TriangleTree {
public:
    TriangleTree(const std::vector<scene::Vertex>& vertices, const std::vector<std::uint32_t>& triangles)
        : vertices_(vertices), triangles_(triangles) {
        for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) order_.push_back(std::uint32_t(i));
        if (order_.empty()) return;
        nodes_.emplace_back();
        build(0, 0, order_.size());
    }

    // The distance from `p` to the nearest triangle, or some distance <= `enough` as soon
    // as one is found that near (the caller only wants to know whether p is farther).
    float distance(const glm::vec3& p, float enough) const {
        float best = std::numeric_limits<float>::infinity();
        if (nodes_.empty()) return best;
        std::uint32_t stack[64];
        int depth = 0;
        stack[depth++] = 0;
        while (depth > 0) {
            const Node& node = nodes_[stack[--depth]];
            if (boxDistance(node, p) >= best) continue;
            if (node.count > 0) {
                for (std::uint32_t k = 0; k < node.count; ++k) {
                    const std::uint32_t i = order_[node.first + k];
                    best = std::min(best, distanceToTriangle(p, at(i), at(i + 1), at(i + 2)));
                }
                if (best <= enough) return best;
                continue;
            }
            // The nearer child last on the stack: visited first.
            const std::uint32_t left = node.first, right = node.first + 1;
            // Inside both boxes (long thin CAD triangles overlap a lot): the nearer centre.
            const float toLeft = boxDistance(nodes_[left], p), toRight = boxDistance(nodes_[right], p);
            const bool leftNearer = toLeft != toRight ? toLeft < toRight
                                                      : glm::length(centreOf(nodes_[left]) - p) < glm::length(centreOf(nodes_[right]) - p);
            // Median splits keep the depth under 32 for 2^32 triangles: the stack holds.
            stack[depth++] = leftNearer ? right : left;
            stack[depth++] = leftNearer ? left : right;
        }
        return best;
    }

private:
    struct Node {
        glm::vec3 min, max;
        std::uint32_t first = 0; // leaf: first of `count` in order_; inner: index of the left child
        std::uint32_t count = 0; // 0 for inner nodes
    };
    static constexpr std::size_t kLeafSize = 6;

    glm::vec3 at(std::size_t index) const { return vertices_[triangles_[index]].position; }
    glm::vec3 centre(std::uint32_t i) const { return (at(i) + at(i + 1) + at(i + 2)) / 3.0f; }
    static glm::vec3 centreOf(const Node& node) { return (node.min + node.max) * 0.5f; }
    static float boxDistance(const Node& node, const glm::vec3& p) {
        return glm::length(glm::clamp(p, node.min, node.max) - p);
    }

    // Fills node `index` for order_[begin, end); an inner node's two children are
    // stored side by side, so it needs one index.
    void build(std::uint32_t index, std::size_t begin, std::size_t end) {
        glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
        for (std::size_t k = begin; k < end; ++k)
            for (std::uint32_t corner = 0; corner < 3; ++corner) {
                lo = glm::min(lo, at(order_[k] + corner));
                hi = glm::max(hi, at(order_[k] + corner));
            }
        nodes_[index].min = lo;
        nodes_[index].max = hi;
        if (end - begin <= kLeafSize) {
            nodes_[index].first = static_cast<std::uint32_t>(begin);
            nodes_[index].count = static_cast<std::uint32_t>(end - begin);
            return;
        }
        const glm::vec3 size = hi - lo;
        const int axis = size.x >= size.y && size.x >= size.z ? 0 : (size.y >= size.z ? 1 : 2);
        const std::size_t middle = begin + (end - begin) / 2;
        std::nth_element(order_.begin() + std::ptrdiff_t(begin), order_.begin() + std::ptrdiff_t(middle),
                         order_.begin() + std::ptrdiff_t(end),
                         [&](std::uint32_t a, std::uint32_t b) { return centre(a)[axis] < centre(b)[axis]; });
        const auto left = static_cast<std::uint32_t>(nodes_.size());
        nodes_.resize(nodes_.size() + 2);
        nodes_[index].first = left;
        build(left, begin, middle);
        build(left + 1, middle, end);
    }

    const std::vector<scene::Vertex>& vertices_;
    const std::vector<std::uint32_t>& triangles_;
    std::vector<std::uint32_t> order_;
    std::vector<Node> nodes_;
};

} // namespace

float surfaceDeviation(const std::vector<scene::Vertex>& vertices, const std::vector<std::uint32_t>& full,
                       const std::vector<std::uint32_t>& simplified) {
    if (simplified.size() < 3) return std::numeric_limits<float>::infinity();
    const TriangleTree tree(vertices, simplified);
    // Every triangle's centre and each vertex once, or an even spread of
    // kMaxSampledTriangles triangles on very large parts (import time stays
    // proportional to the file).
    const std::size_t triangles = full.size() / 3;
    const std::size_t stride = std::max<std::size_t>(1, (triangles + kMaxSampledTriangles - 1) / kMaxSampledTriangles);
    std::vector<char> measured(vertices.size(), 0);
    float worst = 0;
    // A point nearer than the worst so far cannot change the answer: its search stops at
    // the first triangle that shows it.
    auto measure = [&](const glm::vec3& point) { worst = std::max(worst, tree.distance(point, worst)); };
    for (std::size_t t = 0; t < triangles; t += stride) {
        const std::uint32_t* corner = &full[t * 3];
        for (int k = 0; k < 3; ++k)
            if (!measured[corner[k]]) {
                measured[corner[k]] = 1;
                measure(vertices[corner[k]].position);
            }
        measure((vertices[corner[0]].position + vertices[corner[1]].position + vertices[corner[2]].position) / 3.0f);
    }
    return worst;
}

} // namespace usine::asset
