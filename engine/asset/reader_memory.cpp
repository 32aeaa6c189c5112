// The reader's memory allowance (see reader_memory.h).
//
// K = 8 is measured, not guessed: a generated 221 MB glTF (200,000 boxes, 2.4 M triangles,
// `usine-asset-generator DIR --boxes 200000`) peaks at 954 MB of address space in the
// reader (Assimp's scene, its post-processing, our Model and its encoding), 4.3 times the
// file; 8 leaves room for formats that expand more (FBX, OBJ and COLLADA text parse into
// larger structures per byte than glTF's binary buffers, but hold fewer elements per byte).
#include "asset/reader_memory.h"

#include "core/image_io.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>
#include <unistd.h>

namespace usine::asset {
namespace {

namespace fs = std::filesystem;

bool looksLikePicture(const fs::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".png" || extension == ".jpg" || extension == ".jpeg" || extension == ".tga" ||
           extension == ".bmp";
}

struct FolderBytes {
    std::uint64_t data = 0;     // files other than pictures in the folder itself
    std::uint64_t pictures = 0; // unpacked RGBA8 bytes of the pictures in it and its direct subfolders
};

FolderBytes bytesBeside(const fs::path& folder) {
    FolderBytes bytes;
    int pictures = 0;
    std::error_code error;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it.depth() >= 1) it.disable_recursion_pending();
        std::error_code fileError;
        if (!it->is_regular_file(fileError)) continue;
        if (!looksLikePicture(it->path())) {
            const std::uintmax_t size = it->file_size(fileError);
            if (it.depth() == 0 && !fileError) bytes.data += size;
            continue;
        }
        if (++pictures > kReaderPicturesLookedAt) continue;
        if (auto size = readImageFileSize(it->path()))
            bytes.pictures += std::uint64_t(size->first) * std::uint64_t(size->second) * 4;
    }
    return bytes;
}

std::uint64_t machineShare() {
    const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) return ~std::uint64_t(0);
    return std::uint64_t(pages) * std::uint64_t(pageSize) / 4 * 3;
}

} // namespace

std::uint64_t readerMemoryAllowance(const fs::path& model) {
    // The model's data may sit in files beside it (a .gltf's .bin, an .obj's .mtl), under
    // any name: every file of its folder counts, the model's own included.
    const FolderBytes beside = bytesBeside(model.has_parent_path() ? model.parent_path() : fs::path("."));
    std::uint64_t allowance = std::max(kReaderMemoryFloor, beside.data * kReaderMemoryPerFileByte);
    // Twice: the picture decoder's buffer and the texture it is copied into.
    allowance += 2 * beside.pictures;
    return std::min(allowance, machineShare());
}

} // namespace usine::asset
