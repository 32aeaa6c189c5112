// Reading and writing whole files.
// Failures are UserErrors that name the file and the reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace usine {

std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& path);
std::string readFileText(const std::filesystem::path& path);
// Writes through a temporary file and a rename, so a crash never leaves half a file.
void writeFileBytes(const std::filesystem::path& path, const void* data, std::size_t size);

} // namespace usine
