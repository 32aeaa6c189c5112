// The stress hall: a generated machining hall of 120 x 60 m for the renderer's benchmark
// (benchmarks/README.md), far heavier than a site: rows of machining centres tessellated
// as densely as CAD exports are, robot cells, pallet racks, conveyors, forklifts, pallets
// and stylised workers (women and men). Meshes are shared between copies, as a plant's
// identical machines are, so the file stays small while the placed triangles run into
// millions. Never committed: `usine-asset-generator FOLDER --stress-hall` writes it.
#pragma once

#include "gltf_writer.h"

#include <cstdint>

namespace usine::tools {

struct StressHallCounts {
    int parts = 0;             // placed meshes, people included
    int people = 0;
    std::uint64_t triangles = 0;       // placed: every copy counted
    std::uint64_t uniqueTriangles = 0; // in the file
};

StressHallCounts buildStressHall(GltfWriter& writer);

} // namespace usine::tools
