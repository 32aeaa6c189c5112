// The reader's memory allowance (reader_memory.h) is a safety net, not a squeeze: a real
// large model, generated here at 221 MB (200,000 boxes, 2.4 M triangles, in 20 parts),
// still loads through the isolated reader.
#include "asset/model_import.h"
#include "asset/reader_memory.h"
#include "core/image_io.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace usine;
namespace fs = std::filesystem;

#if !defined(__SANITIZE_ADDRESS__) // AddressSanitizer's own memory use is not what is measured here
TEST_CASE("a generated 221 MB model loads within the reader's memory allowance", "[assets][large]") {
    const fs::path folder = testing::testOutputDirectory() / "large-model";
    fs::remove_all(folder);
    const std::string command =
        testing::assetGeneratorProgram().string() + " " + folder.string() + " --boxes 200000 > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    const fs::path model = folder / "box_field.gltf";
    const std::uintmax_t bytes = fs::file_size(model) + fs::file_size(folder / "box_field.bin");
    CHECK(bytes > 200'000'000);
    CHECK(asset::readerMemoryAllowance(model) == bytes * asset::kReaderMemoryPerFileByte);

    const scene::Model loaded = asset::importModel(model);
    std::size_t triangles = 0;
    for (const auto& primitive : loaded.primitives) triangles += primitive.triangleCount();
    CHECK(triangles == 2'400'000);
    CHECK(loaded.placedMeshCount() == 20);
    fs::remove_all(folder); // 221 MB of test output
}
#endif

TEST_CASE("the reader's allowance: a floor for small files, plus the pictures beside the model", "[assets]") {
    const fs::path folder = testing::testOutputDirectory() / "allowance";
    fs::remove_all(folder);
    fs::create_directories(folder / "textures");
    std::ofstream(folder / "small.obj") << "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
    CHECK(asset::readerMemoryAllowance(folder / "small.obj") == asset::kReaderMemoryFloor);
    // A 300 x 200 picture in a subfolder unpacks to 240,000 bytes, counted twice.
    writePng(folder / "textures" / "steel.png", Rgba8Image(300, 200));
    CHECK(asset::readerMemoryAllowance(folder / "small.obj") == asset::kReaderMemoryFloor + 2 * 240'000);
}
