// usine-asset-generator: writes the generated assets of assets/ reproducibly.
//   usine-asset-generator OUTPUT_FOLDER
// writes OUTPUT_FOLDER/factory_cell.gltf and factory_cell.bin. tools/generate-assets
// runs it over assets/models; a test checks the committed files match its output.
//   usine-asset-generator OUTPUT_FOLDER --boxes N
// writes OUTPUT_FOLDER/box_field.gltf and .bin, N boxes (~1.1 kB each), for checks of
// memory and loading time on large models (never committed).
//   usine-asset-generator OUTPUT_FOLDER --stress-hall
// writes OUTPUT_FOLDER/stress_hall.gltf and .bin, the renderer benchmark's hall (see
// stress_hall.h; never committed).
#include "box_field.h"
#include "factory_cell.h"
#include "stress_hall.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    const bool boxField = argc == 4 && std::string(argv[2]) == "--boxes";
    const bool stressHall = argc == 3 && std::string(argv[2]) == "--stress-hall";
    if (argc != 2 && !boxField && !stressHall) {
        std::fprintf(stderr, "usage: usine-asset-generator OUTPUT_FOLDER [--boxes N | --stress-hall]\n");
        return 2;
    }
    try {
        std::filesystem::create_directories(argv[1]);
        if (boxField) {
            const long boxes = std::strtol(argv[3], nullptr, 10);
            if (boxes < 1 || boxes > 10'000'000) {
                std::fprintf(stderr, "error: --boxes wants 1 to 10000000\n");
                return 2;
            }
            usine::tools::GltfWriter writer;
            usine::tools::buildBoxField(writer, static_cast<int>(boxes));
            writer.write(argv[1], "box_field");
            std::printf("wrote %s/box_field.gltf and box_field.bin (%ld boxes)\n", argv[1], boxes);
            return 0;
        }
        if (stressHall) {
            usine::tools::GltfWriter writer;
            const usine::tools::StressHallCounts counts = usine::tools::buildStressHall(writer);
            writer.write(argv[1], "stress_hall");
            std::printf("wrote %s/stress_hall.gltf and stress_hall.bin: %d parts placed (%d people), %llu triangles "
                        "placed, %llu unique\n",
                        argv[1], counts.parts, counts.people, static_cast<unsigned long long>(counts.triangles),
                        static_cast<unsigned long long>(counts.uniqueTriangles));
            return 0;
        }
        usine::tools::GltfWriter writer;
        usine::tools::buildFactoryCell(writer);
        writer.write(argv[1], "factory_cell");
        std::printf("wrote %s/factory_cell.gltf and factory_cell.bin\n", argv[1]);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return 2;
    }
}
