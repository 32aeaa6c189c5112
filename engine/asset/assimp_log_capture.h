// Collects what Assimp logs while one file is read. Assimp reports some damage only in
// its log (it drops faces whose indices are out of range and says so), so the importer
// must read the log to tell the author.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace usine::asset {

class AssimpLogCapture {
public:
    AssimpLogCapture();  // installs Assimp's global logger; one capture at a time
    ~AssimpLogCapture(); // removes it
    AssimpLogCapture(const AssimpLogCapture&) = delete;
    AssimpLogCapture& operator=(const AssimpLogCapture&) = delete;

    // Warnings and errors, without Assimp's "Warn, T0: " prefix, duplicates removed.
    const std::vector<std::string>& messages() const;

private:
    struct Stream;
    std::shared_ptr<std::vector<std::string>> messages_;
};

} // namespace usine::asset
