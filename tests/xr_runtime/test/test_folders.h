// Where each test of the runtime writes its script and the runtime's files: a folder
// of its own under the build tree (so each test is a fresh run of the runtime).
#pragma once

#include <filesystem>
#include <string>

namespace usine::test_runtime::client {

inline std::filesystem::path testFolder(const std::string& name) {
    return std::filesystem::path(USINE_TEST_XR_TEST_OUTPUT) / name;
}

} // namespace usine::test_runtime::client
