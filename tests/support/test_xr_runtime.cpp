// Test OpenXR runtime runs (see test_xr_runtime.h).
#include "support/test_xr_runtime.h"

#include "core/files.h"
#include "core/text.h"
#include "support/test_paths.h"

#include <sstream>

namespace usine::testing {

namespace fs = std::filesystem;

fs::path testXrRuntimeManifest() { return USINE_TEST_XR_RUNTIME_JSON; }

XrRun::XrRun(const std::string& name, const std::string& scriptText) {
    folder = testOutputDirectory() / ("xr-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    script = folder / "script.txt";
    writeFileBytes(script, scriptText.data(), scriptText.size());
}

std::map<std::string, std::string> XrRun::environment() const {
    return {{"XR_RUNTIME_JSON", testXrRuntimeManifest().string()},
            {"USINE_TEST_XR_SCRIPT", script.string()},
            {"USINE_TEST_XR_OUTPUT", folder.string()}};
}

std::vector<std::string> XrRun::envCommand() const {
    std::vector<std::string> words{"/usr/bin/env"};
    for (const auto& [name, value] : environment()) words.push_back(name + "=" + value);
    return words;
}

std::map<std::string, std::string> XrRun::report() const {
    std::map<std::string, std::string> values;
    const fs::path path = folder / "report.txt";
    if (!fs::exists(path)) return values;
    std::istringstream lines(readFileText(path));
    for (std::string line; std::getline(lines, line);) {
        const auto equals = line.find('=');
        if (equals != std::string::npos) values[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return values;
}

} // namespace usine::testing
