// Running things on the test OpenXR runtime (tests/xr_runtime): where its manifest is,
// writing its script, and reading the report it leaves (report.txt, key=value).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace usine::testing {

std::filesystem::path testXrRuntimeManifest();

// A fresh folder under the test output for one run: script.txt goes in, report.txt and
// the eye pictures come out.
struct XrRun {
    std::filesystem::path folder;
    std::filesystem::path script;

    XrRun(const std::string& name, const std::string& scriptText);
    // The environment that points the OpenXR loader at the test runtime and this run.
    std::map<std::string, std::string> environment() const;
    // "/usr/bin/env VAR=value ..." words to prefix a command with.
    std::vector<std::string> envCommand() const;
    std::map<std::string, std::string> report() const;
};

} // namespace usine::testing
