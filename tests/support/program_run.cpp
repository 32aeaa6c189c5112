// Program runs through the shell with output captured in files.
#include "support/program_run.h"

#include "core/files.h"
#include "core/text.h"
#include "support/test_paths.h"

#include <atomic>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace usine::testing {

std::vector<std::string> ProgramResult::errorLines() const {
    std::vector<std::string> lines = split(err, '\n');
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

ProgramResult runProgram(const std::string& program, const std::vector<std::string>& arguments) {
    static std::atomic<int> counter{0};
    const auto base = testOutputDirectory() / concat("run-", ::getpid(), "-", counter++);
    std::string command = "'" + program + "'";
    for (const std::string& argument : arguments) command += " '" + argument + "'";
    command += " > '" + base.string() + ".out' 2> '" + base.string() + ".err'";
    const int status = std::system(command.c_str());
    ProgramResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readFileText(base.string() + ".out");
    result.err = readFileText(base.string() + ".err");
    return result;
}

} // namespace usine::testing
