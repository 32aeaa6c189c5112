// Whole-file I/O with plain-language errors.
#include "core/files.h"

#include "core/error.h"
#include "core/text.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace usine {

namespace fs = std::filesystem;

std::vector<std::uint8_t> readFileBytes(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw UserError(concat(path.string(), ": file not found"));
    if (fs::is_directory(path, ec)) throw UserError(concat(path.string(), ": is a folder, not a file"));
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw UserError(concat(path.string(), ": cannot open (", std::strerror(errno), ")"));
    std::streamsize size = in.tellg();
    in.seekg(0);
    std::vector<std::uint8_t> bytes(static_cast<size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
        throw UserError(concat(path.string(), ": read failed"));
    return bytes;
}

std::string readFileText(const fs::path& path) {
    std::vector<std::uint8_t> bytes = readFileBytes(path);
    return std::string(bytes.begin(), bytes.end());
}

void writeFileBytes(const fs::path& path, const void* data, std::size_t size) {
    fs::path temporary = path;
    temporary += ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw UserError(concat(path.string(), ": cannot write (", std::strerror(errno), ")"));
        out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!out.flush()) throw UserError(concat(path.string(), ": write failed (disk full?)"));
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw UserError(concat(path.string(), ": cannot write (", ec.message(), ")"));
    }
}

} // namespace usine
