// usine-asset-generator: writes the generated assets of assets/ reproducibly.
//   usine-asset-generator OUTPUT_FOLDER
// writes OUTPUT_FOLDER/factory_cell.gltf and factory_cell.bin. tools/generate-assets
// runs it over assets/models; a test checks the committed files match its output.
#include "factory_cell.h"

#include <cstdio>
#include <exception>
#include <filesystem>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: usine-asset-generator OUTPUT_FOLDER\n");
        return 2;
    }
    try {
        std::filesystem::create_directories(argv[1]);
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
