// Binary model encoding: little-endian PODs and length-prefixed arrays.
#include "asset/model_codec.h"

#include "asset/model_limits.h"
#include "core/error.h"
#include "core/text.h"

#include <cstring>
#include <type_traits>

namespace usine::asset {

// Import produces the scene's types.
using namespace usine::scene;
namespace {

constexpr char kMagic[8] = {'U', 'S', 'I', 'N', 'E', 'M', 'D', 'L'};
constexpr std::uint32_t kVersion = 3; // 2: the node tree, double-sided materials; 3: levels of detail

class Writer {
public:
    template <typename T>
    void pod(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
        bytes.insert(bytes.end(), p, p + sizeof(T));
    }
    template <typename T>
    void array(const std::vector<T>& values) {
        static_assert(std::is_trivially_copyable_v<T>);
        pod<std::uint64_t>(values.size());
        const auto* p = reinterpret_cast<const std::uint8_t*>(values.data());
        bytes.insert(bytes.end(), p, p + values.size() * sizeof(T));
    }
    void text(const std::string& value) {
        pod<std::uint64_t>(value.size());
        bytes.insert(bytes.end(), value.begin(), value.end());
    }
    std::vector<std::uint8_t> bytes;
};

class Reader {
public:
    Reader(std::span<const std::uint8_t> bytes, const std::string& what) : bytes_(bytes), what_(what) {}

    template <typename T>
    T pod() {
        T value;
        take(&value, sizeof(T));
        return value;
    }
    template <typename T>
    std::vector<T> array() {
        const std::uint64_t count = pod<std::uint64_t>();
        if (count > remaining() / sizeof(T)) fail();
        std::vector<T> values(count);
        take(values.data(), count * sizeof(T));
        return values;
    }
    std::string text() {
        const std::uint64_t length = pod<std::uint64_t>();
        if (length > remaining()) fail();
        std::string value(reinterpret_cast<const char*>(bytes_.data() + offset_), length);
        offset_ += length;
        return value;
    }
    // A count of records that each take at least `minimumBytes` encoded, and of which a
    // model may hold at most `limit`: checked before any record is built, so corrupt
    // bytes cannot make the decoder build more than the stream could hold.
    std::uint64_t count(std::size_t minimumBytes, std::uint64_t limit) {
        const std::uint64_t n = pod<std::uint64_t>();
        if (n > limit || n > remaining() / minimumBytes) fail();
        return n;
    }
    std::size_t remaining() const { return bytes_.size() - offset_; }
    [[noreturn]] void fail() const { throw UserError(concat(what_, ": model data is truncated or corrupt")); }

private:
    void take(void* out, std::size_t size) {
        if (size > remaining()) fail();
        if (size == 0) return; // an empty array's data() may be null: not for memcpy

        std::memcpy(out, bytes_.data() + offset_, size);
        offset_ += size;
    }
    std::span<const std::uint8_t> bytes_;
    std::string what_;
    std::size_t offset_ = 0;
};

} // namespace

std::vector<std::uint8_t> encodeModel(const Model& model) {
    Writer out;
    for (char c : kMagic) out.pod(c);
    out.pod(kVersion);
    out.text(model.sourceName);

    out.pod<std::uint64_t>(model.primitives.size());
    for (const Primitive& p : model.primitives) {
        out.text(p.name);
        out.pod(p.material);
        out.array(p.vertices);
        out.array(p.indices);
        out.pod<std::uint64_t>(p.detailLevels.size());
        for (const DetailLevel& level : p.detailLevels) {
            out.pod(level.error);
            out.array(level.indices);
        }
    }
    out.pod<std::uint64_t>(model.meshes.size());
    for (const Mesh& mesh : model.meshes) {
        out.text(mesh.name);
        out.array(mesh.primitives);
    }
    out.pod<std::uint64_t>(model.materials.size());
    for (const Material& m : model.materials) {
        out.text(m.name);
        out.pod(m.baseColor);
        out.pod(m.metallic);
        out.pod(m.roughness);
        out.pod(m.emissive);
        out.pod(m.baseColorTexture);
        out.pod<std::uint8_t>(m.doubleSided ? 1 : 0);
    }
    out.pod<std::uint64_t>(model.textures.size());
    for (const Texture& t : model.textures) {
        out.text(t.source);
        out.pod<std::int32_t>(t.pixels.width);
        out.pod<std::int32_t>(t.pixels.height);
        out.array(t.pixels.pixels);
    }
    out.pod<std::uint64_t>(model.nodes.size());
    for (const ModelNode& node : model.nodes) {
        out.text(node.name);
        out.pod(node.parent);
        out.pod(node.local);
        out.pod(node.mesh);
    }
    out.pod<std::uint64_t>(model.warnings.size());
    for (const std::string& warning : model.warnings) out.text(warning);
    return std::move(out.bytes);
}

Model decodeModel(std::span<const std::uint8_t> bytes, const std::string& what) {
    Reader in(bytes, what);
    for (char c : kMagic)
        if (in.pod<char>() != c) in.fail();
    if (in.pod<std::uint32_t>() != kVersion) throw UserError(concat(what, ": model data of another version"));

    Model model;
    model.sourceName = in.text();
    // Smallest encodings: a length is 8 bytes; see encodeModel for each record's fields.
    constexpr std::size_t kPrimitiveBytes = 8 + 4 + 8 + 8 + 8, kDetailLevelBytes = 4 + 8, kMeshBytes = 8 + 8,
                          kMaterialBytes = 8 + 16 + 4 + 4 + 12 + 4 + 1, kTextureBytes = 8 + 4 + 4 + 8,
                          kNodeBytes = 8 + 4 + 64 + 4, kWarningBytes = 8;
    model.primitives.resize(in.count(kPrimitiveBytes, kMaxPrimitives));
    for (Primitive& p : model.primitives) {
        p.name = in.text();
        p.material = in.pod<std::uint32_t>();
        p.vertices = in.array<Vertex>();
        p.indices = in.array<std::uint32_t>();
        p.detailLevels.resize(in.count(kDetailLevelBytes, kMaxDetailLevelsPerPrimitive));
        for (DetailLevel& level : p.detailLevels) {
            level.error = in.pod<float>();
            level.indices = in.array<std::uint32_t>();
        }
    }
    model.meshes.resize(in.count(kMeshBytes, kMaxPrimitives));
    for (Mesh& mesh : model.meshes) {
        mesh.name = in.text();
        mesh.primitives = in.array<std::uint32_t>();
    }
    model.materials.resize(in.count(kMaterialBytes, kMaxMaterials));
    for (Material& m : model.materials) {
        m.name = in.text();
        m.baseColor = in.pod<glm::vec4>();
        m.metallic = in.pod<float>();
        m.roughness = in.pod<float>();
        m.emissive = in.pod<glm::vec3>();
        m.baseColorTexture = in.pod<std::int32_t>();
        const auto doubleSided = in.pod<std::uint8_t>();
        if (doubleSided > 1) in.fail();
        m.doubleSided = doubleSided == 1;
    }
    model.textures.resize(in.count(kTextureBytes, kMaxTextures));
    for (Texture& t : model.textures) {
        t.source = in.text();
        t.pixels.width = in.pod<std::int32_t>();
        t.pixels.height = in.pod<std::int32_t>();
        t.pixels.pixels = in.array<std::uint8_t>();
    }
    model.nodes.resize(in.count(kNodeBytes, kMaxNodes));
    for (ModelNode& node : model.nodes) {
        node.name = in.text();
        node.parent = in.pod<std::int32_t>();
        node.local = in.pod<glm::mat4>();
        node.mesh = in.pod<std::int32_t>();
    }
    model.warnings.resize(in.count(kWarningBytes, kMaxNodes));
    for (std::string& warning : model.warnings) warning = in.text();
    if (in.remaining() != 0) in.fail();
    return model;
}

} // namespace usine::asset
