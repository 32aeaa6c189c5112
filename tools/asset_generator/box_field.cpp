// The box field (see box_field.h).
#include "box_field.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace usine::tools {

void buildBoxField(GltfWriter& writer, int boxes) {
    constexpr int kBoxesPerPart = 10'000;
    const int material = writer.addMaterial({"grey steel", 0.6f, 0.5f});
    const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(boxes))));
    for (int first = 0, part = 0; first < boxes; first += kBoxesPerPart, ++part) {
        MeshBuilder geometry;
        for (int box = first; box < std::min(boxes, first + kBoxesPerPart); ++box) {
            const float x = static_cast<float>(box % side) * 0.5f, z = static_cast<float>(box / side) * 0.5f;
            const float height = 0.1f + 0.05f * static_cast<float>(box % 7);
            geometry.box({x, 0, z}, {x + 0.3f, height, z + 0.3f}, {0.5f, 0.52f, 0.55f, 1});
        }
        const std::string name = "part " + std::to_string(part);
        writer.addNode({name, writer.addMesh(name, geometry, material), {0, 0, 0}, 0});
    }
}

} // namespace usine::tools
