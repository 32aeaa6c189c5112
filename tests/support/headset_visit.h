// Visits on the test OpenXR runtime, and what tests measure in the eyes it reads back:
// a black square placed in an otherwise empty world, where it lands in each eye's
// picture, and where the field of view says it should land.
#pragma once

#include "core/image.h"
#include "support/program_run.h"
#include "support/test_xr_runtime.h"

#include <array>
#include <filesystem>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace usine::testing {

// `usine visit ARGUMENTS...` with no display, on the test runtime of `run`, with both
// validation layers on unless told otherwise.
ProgramResult visitOnTestRuntime(const XrRun& run, const std::vector<std::string>& arguments, bool validation = true);

// A black square `side` metres wide (a closed slab 1 mm thick), facing +Z, centred at `centre` (OBJ + MTL in a
// folder of its own); returns the OBJ's path.
std::filesystem::path writeSquareModel(const std::string& name, const glm::vec3& centre, float side);

// The pixels that differ from the picture's top-left pixel (the sky): their centroid,
// weighted by how much they differ, and how many there are.
glm::dvec2 objectCentroid(const Rgba8Image& image);
long objectPixels(const Rgba8Image& image);

// Where a point given in an eye's own space (x right, y up, -z ahead) lands in a picture
// of `width` x `height` pixels drawn with the field of view {left, right, up, down}
// (radians, as OpenXR gives them).
glm::dvec2 expectedPixel(const std::array<double, 4>& fov, int width, int height, const glm::dvec3& pointInEye);

// The test runtime's default fields of view, left eye then right, and its eye distance.
extern const std::array<std::array<double, 4>, 2> kRuntimeFov;
constexpr double kRuntimeIpd = 0.064;

} // namespace usine::testing
