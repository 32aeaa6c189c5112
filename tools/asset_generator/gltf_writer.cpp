// glTF 2.0 text and binary buffer output.
#include "gltf_writer.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace usine::tools {
namespace {

std::string number(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", static_cast<double>(value));
    return text;
}

template <typename T>
void append(std::vector<std::uint8_t>& bytes, const T& value) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
    bytes.insert(bytes.end(), p, p + sizeof(T));
}

} // namespace

int GltfWriter::addMaterial(const GltfMaterial& material) {
    materials_.push_back(material);
    return static_cast<int>(materials_.size() - 1);
}

int GltfWriter::addMesh(const std::string& name, const MeshBuilder& geometry, int material) {
    meshes_.push_back({name, geometry, material});
    return static_cast<int>(meshes_.size() - 1);
}

void GltfWriter::addNode(const GltfNode& node) { nodes_.push_back(node); }

void GltfWriter::write(const std::filesystem::path& folder, const std::string& name) const {
    std::vector<std::uint8_t> bin;
    std::ostringstream views, accessors, meshes;
    int viewIndex = 0;
    // One buffer view and accessor per attribute: positions, normals, colours, indices.
    auto addView = [&](std::size_t offset, std::size_t length, bool indices) {
        if (viewIndex) views << ",";
        views << "\n    {\"buffer\": 0, \"byteOffset\": " << offset << ", \"byteLength\": " << length
              << ", \"target\": " << (indices ? 34963 : 34962) << "}";
        return viewIndex++;
    };
    for (std::size_t m = 0; m < meshes_.size(); ++m) {
        const auto& vertices = meshes_[m].geometry.vertices();
        const auto& indices = meshes_[m].geometry.indices();
        glm::vec3 lo(INFINITY), hi(-INFINITY);
        for (const auto& v : vertices) {
            lo = glm::min(lo, v.position);
            hi = glm::max(hi, v.position);
        }
        const std::size_t positions = bin.size();
        for (const auto& v : vertices) append(bin, v.position);
        const std::size_t normals = bin.size();
        for (const auto& v : vertices) append(bin, v.normal);
        const std::size_t colors = bin.size();
        for (const auto& v : vertices) append(bin, v.color);
        const std::size_t indexStart = bin.size();
        for (std::uint32_t i : indices) append(bin, i);

        const int first = static_cast<int>(m) * 4;
        addView(positions, normals - positions, false);
        addView(normals, colors - normals, false);
        addView(colors, indexStart - colors, false);
        addView(indexStart, bin.size() - indexStart, true);
        if (m) accessors << ",";
        accessors << "\n    {\"bufferView\": " << first << ", \"componentType\": 5126, \"count\": " << vertices.size()
                  << ", \"type\": \"VEC3\", \"min\": [" << number(lo.x) << ", " << number(lo.y) << ", " << number(lo.z)
                  << "], \"max\": [" << number(hi.x) << ", " << number(hi.y) << ", " << number(hi.z) << "]},"
                  << "\n    {\"bufferView\": " << first + 1 << ", \"componentType\": 5126, \"count\": " << vertices.size()
                  << ", \"type\": \"VEC3\"},"
                  << "\n    {\"bufferView\": " << first + 2 << ", \"componentType\": 5126, \"count\": " << vertices.size()
                  << ", \"type\": \"VEC4\"},"
                  << "\n    {\"bufferView\": " << first + 3 << ", \"componentType\": 5125, \"count\": " << indices.size()
                  << ", \"type\": \"SCALAR\"}";
        if (m) meshes << ",";
        meshes << "\n    {\"name\": \"" << meshes_[m].name << "\", \"primitives\": [{\"attributes\": {\"POSITION\": "
               << first << ", \"NORMAL\": " << first + 1 << ", \"COLOR_0\": " << first + 2 << "}, \"indices\": "
               << first + 3 << ", \"material\": " << meshes_[m].material << ", \"mode\": 4}]}";
    }

    std::ostringstream json;
    json << "{\n  \"asset\": {\"version\": \"2.0\", \"generator\": \"usine-asset-generator\"},\n"
         << "  \"scene\": 0,\n  \"scenes\": [{\"nodes\": [";
    for (std::size_t n = 0; n < nodes_.size(); ++n) json << (n ? ", " : "") << n;
    json << "]}],\n  \"nodes\": [";
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const GltfNode& node = nodes_[n];
        const float half = node.yawDegrees * 3.14159265358979f / 360.0f;
        json << (n ? "," : "") << "\n    {\"name\": \"" << node.name << "\", \"mesh\": " << node.mesh
             << ", \"translation\": [" << number(node.translation.x) << ", " << number(node.translation.y) << ", "
             << number(node.translation.z) << "]";
        if (node.yawDegrees != 0)
            json << ", \"rotation\": [0, " << number(std::sin(half)) << ", 0, " << number(std::cos(half)) << "]";
        json << "}";
    }
    json << "\n  ],\n  \"materials\": [";
    for (std::size_t i = 0; i < materials_.size(); ++i)
        json << (i ? "," : "") << "\n    {\"name\": \"" << materials_[i].name
             << "\", \"pbrMetallicRoughness\": {\"baseColorFactor\": [1, 1, 1, 1], \"metallicFactor\": "
             << number(materials_[i].metallic) << ", \"roughnessFactor\": " << number(materials_[i].roughness) << "}}";
    json << "\n  ],\n  \"meshes\": [" << meshes.str() << "\n  ],\n  \"accessors\": [" << accessors.str()
         << "\n  ],\n  \"bufferViews\": [" << views.str() << "\n  ],\n  \"buffers\": [{\"uri\": \"" << name
         << ".bin\", \"byteLength\": " << bin.size() << "}]\n}\n";

    std::ofstream binFile(folder / (name + ".bin"), std::ios::binary | std::ios::trunc);
    binFile.write(reinterpret_cast<const char*>(bin.data()), static_cast<std::streamsize>(bin.size()));
    std::ofstream jsonFile(folder / (name + ".gltf"), std::ios::trunc);
    jsonFile << json.str();
    if (!binFile || !jsonFile) throw std::runtime_error("cannot write into " + folder.string());
}

} // namespace usine::tools
