// Runs a built program as a user would, capturing its exit code and output.
#pragma once

#include <string>
#include <vector>

namespace usine::testing {

struct ProgramResult {
    int exitCode = -1;
    std::string out;
    std::string err;
    // Lines of standard error, without the trailing newline.
    std::vector<std::string> errorLines() const;
};

// `arguments` are passed through the shell, each single-quoted.
ProgramResult runProgram(const std::string& program, const std::vector<std::string>& arguments);

} // namespace usine::testing
