// Writes meshes, materials and nodes as a glTF 2.0 file with a separate .bin buffer.
// Output is byte-for-byte reproducible: fixed float formatting, stable order.
#pragma once

#include "mesh_builder.h"

#include <filesystem>
#include <string>
#include <vector>

namespace usine::tools {

struct GltfMaterial {
    std::string name;
    float metallic = 0;
    float roughness = 0.8f;
};

struct GltfNode {
    std::string name;
    int mesh = -1;
    glm::vec3 translation{0};
    float yawDegrees = 0; // rotation about +Y
};

class GltfWriter {
public:
    int addMaterial(const GltfMaterial& material);
    int addMesh(const std::string& name, const MeshBuilder& geometry, int material);
    void addNode(const GltfNode& node);

    // Writes <folder>/<name>.gltf and <folder>/<name>.bin.
    void write(const std::filesystem::path& folder, const std::string& name) const;

private:
    struct MeshEntry {
        std::string name;
        MeshBuilder geometry;
        int material;
    };
    std::vector<GltfMaterial> materials_;
    std::vector<MeshEntry> meshes_;
    std::vector<GltfNode> nodes_;
};

} // namespace usine::tools
