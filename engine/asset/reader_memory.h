// How much memory the isolated reader may take for one model file (see
// core/isolated_call.h). A file's data cannot need much more memory than it takes on disk,
// except pictures, which unpack: so the reader gets K times the file's size (at least a
// floor that every ordinary model fits in), plus the unpacked size of the pictures
// beside it. A small file that *declares* billions of elements then fails at once with
// a clear message, instead of filling a classroom PC's memory for a minute.
#pragma once

#include <cstdint>
#include <filesystem>

namespace usine::asset {

constexpr std::uint64_t kReaderMemoryPerFileByte = 8;         // K, measured in reader_memory.cpp
constexpr std::uint64_t kReaderMemoryFloor = 512ull << 20;     // 512 MiB
constexpr int kReaderPicturesLookedAt = 4096;                  // pictures beside a model counted at most

// max(kReaderMemoryFloor, K x the size of the files in the model's folder: the model and
// the data beside it, such as a .gltf's .bin) + twice the unpacked size of the pictures
// in that folder and its direct subfolders (textures are usually there), never more than
// three quarters of the machine's memory.
std::uint64_t readerMemoryAllowance(const std::filesystem::path& model);

} // namespace usine::asset
