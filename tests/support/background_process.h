// A program started in the background for a test (an X server, a visit), stopped and
// reaped when the test ends, whatever happens.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace usine::testing {

class BackgroundProcess {
public:
    // `environment` entries are set on top of the test's own environment.
    BackgroundProcess(const std::vector<std::string>& command, const std::map<std::string, std::string>& environment,
                      const std::string& outputFile);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    bool running();
    // SIGTERM, then waits up to `seconds`; returns the exit code (-1 if killed or by signal).
    int stop(double seconds);
    // Sends `signal` (SIGINT, SIGTERM...) to the program alone.
    void signal(int signal);
    // Waits for the program to end on its own, up to `seconds`; -1 on timeout.
    int wait(double seconds);

private:
    int pid_ = -1;
    int exitCode_ = -1;
    bool finished_ = false;
};

} // namespace usine::testing
