// The process-wide state of one test run: the script, the fake display clock, the
// faults already played and the report. It outlives instances (and the loader's
// unloading of the runtime: the library is linked with -z nodelete), so a fault that
// fired once does not fire again in the next session or instance, and recovery can be
// tested. A new run starts when an instance is created while none is alive and the
// script file, its text, the output folder or USINE_TEST_XR_RUN changed.
#pragma once

#include "report.h"
#include "script.h"

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <map>
#include <set>
#include <string>

namespace usine::test_runtime {

struct TestRun {
    std::string identity; // script path, script text and output folder
    Script script;
    bool scriptValid = true;
    std::filesystem::path outputDirectory; // empty: the run writes no files
    Report report;

    std::int64_t nextFrame = 0; // the index the next xrWaitFrame gets
    bool sessionLossFired = false;
    bool instanceLossFired = false;
    bool endAfterFramesFired = false;
    int instancesRefused = 0;
    std::optional<std::chrono::steady_clock::time_point> firstSystemQuery;
    std::set<std::int64_t> capturesWritten;
    std::map<std::string, std::int64_t> callCounts; // of the functions a `fault fail` names

    // The fake clock: frame N is displayed at a fixed time, refresh-rate apart.
    XrDuration displayPeriod() const;
    XrTime displayTimeOf(std::int64_t frame) const;
    double frameAt(XrTime time) const;
    XrTime now() const; // the display time of the frame most recently waited for

    void writeReport() const;
};

// The script's `fault fail` for this call of `function`: XR_ERROR_RUNTIME_FAILURE (and
// counted in the report) when it strikes, else XR_SUCCESS.
XrResult injectedFailure(TestRun& run, const char* function);
// The script's `fault stall` for `function`: waits that long (a hanging runtime).
void injectedStall(const TestRun& run, const char* function);

// Every entry point holds this lock: the runtime's state is shared by all threads.
std::recursive_mutex& runtimeMutex();

TestRun& currentRun();
// Reads USINE_TEST_XR_SCRIPT and USINE_TEST_XR_OUTPUT again; starts a new run when
// they changed and `mayRestart` (no instance is alive). A malformed script is reported
// on stderr once and leaves the run with scriptValid false.
TestRun& refreshRun(bool mayRestart);

} // namespace usine::test_runtime
