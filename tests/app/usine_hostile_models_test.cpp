// Small files that *declare* billions of elements, one per accepted format: the isolated
// reader must refuse each at once with one clear line and exit 2, never growing past its
// memory allowance (reader_memory.h). Memory is measured the way the issue asks, with
// /usr/bin/time around the whole program (parent and reader); wall times are printed,
// never asserted (this machine may be busy).
#include "core/files.h"
#include "core/text.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace usine;
namespace fs = std::filesystem;

namespace {

constexpr const char* kBillions = "4000000000";

struct HostileFile {
    std::string name;
    std::string bytes;
    std::string expected; // part of the one error line
};

std::string littleEndian32(std::uint32_t value) {
    std::string bytes(4, '\0');
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<char>((value >> (8 * i)) & 0xff);
    return bytes;
}

std::string gltfJson(const std::string& buffer) {
    return concat(R"({"asset":{"version":"2.0"},"buffers":[)", buffer,
                  R"(],"bufferViews":[{"buffer":0,"byteLength":36}],)"
                  R"("accessors":[{"bufferView":0,"componentType":5126,"count":)", kBillions,
                  R"(,"type":"VEC3","min":[0,0,0],"max":[1,1,1]}],)"
                  R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],"nodes":[{"mesh":0}],)"
                  R"("scenes":[{"nodes":[0]}],"scene":0})");
}

std::string glb() {
    std::string json = gltfJson(R"({"byteLength":36})");
    json.append((4 - json.size() % 4) % 4, ' ');
    const std::string data(36, '\0');
    const std::uint32_t total = 12 + 8 + std::uint32_t(json.size()) + 8 + 36;
    return "glTF" + littleEndian32(2) + littleEndian32(total) + littleEndian32(std::uint32_t(json.size())) + "JSON" +
           json + littleEndian32(36) + std::string("BIN\0", 4) + data;
}

const char* kMemoryMessage = "reading needs more than the 512 MiB of memory allowed for this file";

std::vector<HostileFile> hostileFiles() {
    const std::string header = concat("ply\nformat ascii 1.0\nelement vertex ", kBillions,
                                      "\nproperty float x\nproperty float y\nproperty float z\n"
                                      "element face 1\nproperty list uchar int vertex_indices\nend_header\n");
    const std::string binaryHeader =
        concat("ply\nformat binary_little_endian 1.0\nelement vertex ", kBillions,
               "\nproperty float x\nproperty float y\nproperty float z\nelement face ", kBillions,
               "\nproperty list uchar int vertex_indices\nend_header\n");
    return {
        {"billions.gltf",
         gltfJson(concat(R"({"byteLength":36,"uri":"data:application/octet-stream;base64,)", std::string(48, 'A'),
                         R"("})")),
         "is out of range"},
        {"billions.glb", glb(), "is out of range"},
        {"billions.dae",
         concat(R"(<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
<library_geometries><geometry id="g"><mesh>
<source id="p"><float_array id="pa" count=")", kBillions, R"(">0 0 0 1 0 0 0 1 0</float_array>
<technique_common><accessor source="#pa" count="1333333333" stride="3"><param name="X" type="float"/>
<param name="Y" type="float"/><param name="Z" type="float"/></accessor></technique_common></source>
<vertices id="v"><input semantic="POSITION" source="#p"/></vertices>
<triangles count=")", kBillions, R"("><input semantic="VERTEX" source="#v" offset="0"/><p>0 1 2</p></triangles>
</mesh></geometry></library_geometries>
<library_visual_scenes><visual_scene id="s"><node><instance_geometry url="#g"/></node></visual_scene>
</library_visual_scenes><scene><instance_visual_scene url="#s"/></scene></COLLADA>
)"),
         kMemoryMessage},
        {"billions.fbx", concat(R"(; FBX 7.4.0 project file
FBXHeaderExtension:  {
	FBXHeaderVersion: 1003
	FBXVersion: 7400
}
Objects:  {
	Geometry: 1, "Geometry::", "Mesh" {
		Vertices: *)", kBillions, R"( {
			a: 0,0,0,1,0,0,0,1,0
		}
		PolygonVertexIndex: *)", kBillions, R"( {
			a: 0,1,-3
		}
	}
	Model: 2, "Model::m", "Mesh" {
	}
}
Connections:  {
	C: "OO",1,2
	C: "OO",2,0
}
)"),
         kMemoryMessage},
        {"billions.ply", header + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n", kMemoryMessage},
        {"billions_binary.ply", binaryHeader + std::string(36, '\0'), kMemoryMessage},
        {"billions.off", concat("OFF\n", kBillions, " ", kBillions, " 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"),
         kMemoryMessage},
        // Binary STL: an 80-byte header, then the triangle count.
        {"billions.stl", std::string(80, '\0') + littleEndian32(4'000'000'000u) + std::string(50, '\0'),
         "cannot read the model"},
        // OBJ declares no counts: indices of billions instead.
        {"billions.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4000000000\nf -4000000000 1 2\n", "Invalid face index"},
    };
}

struct Measured {
    double wallSeconds = 0;
    long maxResidentKiB = 0;
};

// The last line of /usr/bin/time -f "%e %M" (a line "Command exited with non-zero
// status 2" comes first).
Measured readTimeOutput(const fs::path& path) {
    std::istringstream lines(readFileText(path));
    Measured measured;
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        Measured candidate;
        if (words >> candidate.wallSeconds >> candidate.maxResidentKiB) measured = candidate;
    }
    return measured;
}

} // namespace

TEST_CASE("a small file declaring billions of elements is refused at once, in every accepted format",
          "[program][hostile]") {
    REQUIRE(fs::exists("/usr/bin/time")); // package `time`, installed by tools/setup
    const fs::path out = testing::testOutputDirectory() / "hostile_models";
    for (const HostileFile& file : hostileFiles()) {
        // Each in a folder of its own, as a file sent by someone would be.
        const fs::path folder = out / fs::path(file.name).stem().concat("_" + fs::path(file.name).extension().string().substr(1));
        fs::create_directories(folder);
        const fs::path model = folder / file.name;
        std::ofstream(model, std::ios::binary) << file.bytes;
        const fs::path timing = folder / "time.txt";
        const auto result = testing::runProgram("/usr/bin/time", {"-f", "%e %M", "-o", timing.string(),
                                                                   testing::usineProgram().string(), "render",
                                                                   model.string(), "--out", (folder / "x.png").string()});
        INFO(file.name << ": " << result.err);
        CHECK(result.exitCode == 2);
        const auto lines = result.errorLines();
        REQUIRE_FALSE(lines.empty());
        // The program's own line is the last: before it, under AddressSanitizer only, the
        // reader's out-of-memory report (a sanitizer aborts where a plain build throws).
        CHECK_THAT(lines.back(), Catch::StartsWith("error: " + model.string() + ": "));
#if !defined(__SANITIZE_ADDRESS__)
        CHECK(lines.size() == 1);
#endif
        const Measured measured = readTimeOutput(timing);
        CHECK(measured.maxResidentKiB > 0);
        WARN(file.name << ": exit 2 in " << measured.wallSeconds << " s wall, at most " << measured.maxResidentKiB / 1024
                       << " MiB resident");
#if !defined(__SANITIZE_ADDRESS__) // AddressSanitizer aborts the reader on a failed allocation, and has its own memory
        CHECK_THAT(lines.back(), Catch::Contains(file.expected));
        CHECK(measured.maxResidentKiB < 1024 * 1024); // 1 GiB
#endif
    }
}

TEST_CASE("a format outside the accepted list is refused by name, whatever its content", "[program][hostile]") {
    // An FBX renamed .3ds is not sniffed and handed to the FBX reader: only the readers of
    // the accepted formats are switched on.
    const fs::path folder = testing::testOutputDirectory() / "hostile_models" / "other_format";
    fs::create_directories(folder);
    const fs::path model = folder / "press.3ds";
    std::ofstream(model) << "; FBX 7.4.0 project file\n";
    const auto result = testing::runProgram(testing::usineProgram().string(),
                                            {"render", model.string(), "--out", (folder / "x.png").string()});
    CHECK(result.exitCode == 2);
    CHECK(result.errorLines() ==
          std::vector<std::string>{"error: " + model.string() +
                                   ": not a model format Usine Ouverte reads (use glTF/GLB, FBX, OBJ, COLLADA (.dae), "
                                   "PLY, STL or OFF)"});
}
