// Visits on the test runtime and measurements in its pictures (see headset_visit.h).
#include "support/headset_visit.h"

#include "core/files.h"
#include "core/text.h"
#include "support/test_paths.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace usine::testing {

namespace fs = std::filesystem;

const std::array<std::array<double, 4>, 2> kRuntimeFov = {
    std::array<double, 4>{-0.82, 0.70, 0.76, -0.80}, std::array<double, 4>{-0.70, 0.82, 0.76, -0.80}};

ProgramResult visitOnTestRuntime(const XrRun& run, const std::vector<std::string>& arguments, bool validation) {
    // env: options first (-u), then assignments, then the command.
    std::vector<std::string> words{"-u", "DISPLAY"};
    for (const auto& [name, value] : run.environment()) words.push_back(name + "=" + value);
    words.push_back(std::string("USINE_VALIDATION=") + (validation ? "1" : "0"));
    words.push_back(usineProgram().string());
    words.push_back("visit");
    words.insert(words.end(), arguments.begin(), arguments.end());
    return runProgram("/usr/bin/env", words);
}

fs::path writeSquareModel(const std::string& name, const glm::vec3& centre, float side) {
    const fs::path folder = testOutputDirectory() / ("square-" + name);
    fs::create_directories(folder);
    // A closed slab 1 mm thick rather than one face: Mesa 22.3's lavapipe draws some
    // single-face draws of the second view into the first view's layer in a multiview
    // pass (see tests/render/stereo_disparity_test.cpp), and these tests check our eyes.
    const float h = side / 2, t = 0.0005f;
    std::string obj = "mtllib square.mtl\nusemtl black\n";
    for (int corner = 0; corner < 8; ++corner)
        obj += concat("v ", centre.x + ((corner & 1) ? h : -h), " ", centre.y + ((corner & 2) ? h : -h), " ",
                      centre.z + ((corner & 4) ? t : -t), "\n");
    // Faces wound counter-clockwise seen from outside (vertex n is corner n - 1).
    obj += "f 5 6 8 7\nf 2 1 3 4\nf 2 4 8 6\nf 1 5 7 3\nf 3 7 8 4\nf 1 2 6 5\n";
    const std::string mtl = "newmtl black\nKd 0 0 0\nKs 0 0 0\n";
    writeFileBytes(folder / "square.obj", obj.data(), obj.size());
    writeFileBytes(folder / "square.mtl", mtl.data(), mtl.size());
    return folder / "square.obj";
}

namespace {
double differenceFromSky(const Rgba8Image& image, int x, int y) {
    const std::uint8_t* sky = image.at(0, 0);
    const std::uint8_t* p = image.at(x, y);
    return std::abs(p[0] - sky[0]) + std::abs(p[1] - sky[1]) + std::abs(p[2] - sky[2]);
}
} // namespace

glm::dvec2 objectCentroid(const Rgba8Image& image) {
    double sum = 0, sumX = 0, sumY = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const double weight = differenceFromSky(image, x, y);
            sum += weight;
            sumX += weight * (x + 0.5);
            sumY += weight * (y + 0.5);
        }
    if (sum == 0) throw std::runtime_error("objectCentroid: nothing but sky in the picture");
    return {sumX / sum, sumY / sum};
}

long objectPixels(const Rgba8Image& image) {
    long count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) count += differenceFromSky(image, x, y) > 24;
    return count;
}

glm::dvec2 expectedPixel(const std::array<double, 4>& fov, int width, int height, const glm::dvec3& point) {
    const double tanLeft = std::tan(fov[0]), tanRight = std::tan(fov[1]);
    const double tanUp = std::tan(fov[2]), tanDown = std::tan(fov[3]);
    const double tanX = point.x / -point.z, tanY = point.y / -point.z;
    return {width * (tanX - tanLeft) / (tanRight - tanLeft), height * (tanUp - tanY) / (tanUp - tanDown)};
}

} // namespace usine::testing
