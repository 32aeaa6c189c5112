// The process-wide test run (see test_run.h).
#include "test_run.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace usine::test_runtime {
namespace {

// Frame 0 is shown one second after the clock's origin: XrTime must stay positive.
constexpr XrTime kClockOrigin = 1'000'000'000;

// Deliberately never destroyed: Vulkan objects of a forgotten instance must not be
// freed at exit, after the application's device is gone. FinalReport below writes the
// report at exit instead.
TestRun*& runSlot() {
    static TestRun* run = nullptr;
    return run;
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::unique_ptr<TestRun> loadRun(const std::string& scriptPath, const std::string& output) {
    auto run = std::make_unique<TestRun>();
    run->outputDirectory = output;
    run->report.scriptPath = scriptPath;
    std::string text;
    if (!scriptPath.empty()) {
        std::ifstream file(scriptPath);
        std::ostringstream contents;
        contents << file.rdbuf();
        if (!file) {
            run->scriptValid = false;
            run->report.scriptError = scriptPath + ": cannot read the test script";
        }
        text = contents.str();
    }
    run->identity = scriptPath + '\n' + output + '\n' + text;
    if (run->scriptValid) {
        ScriptParse parsed = parseScript(text, scriptPath);
        if (parsed.script) {
            run->script = std::move(*parsed.script);
        } else {
            run->scriptValid = false;
            run->report.scriptError = parsed.error;
        }
    }
    return run;
}

struct FinalReport {
    ~FinalReport() {
        // In case the application never destroyed its instance.
        // A thread still inside the runtime at exit keeps the lock: skip rather than hang.
        std::unique_lock lock(runtimeMutex(), std::try_to_lock);
        if (!lock.owns_lock()) return;
        if (TestRun* run = runSlot()) run->writeReport();
    }
} finalReport;

} // namespace

XrDuration TestRun::displayPeriod() const { return XrDuration(std::llround(1e9 / script.refreshHz)); }

XrTime TestRun::displayTimeOf(std::int64_t frame) const { return kClockOrigin + frame * displayPeriod(); }

double TestRun::frameAt(XrTime time) const {
    const double frame = double(time - kClockOrigin) / double(displayPeriod());
    return frame < 0 ? 0 : frame;
}

XrTime TestRun::now() const { return displayTimeOf(nextFrame > 0 ? nextFrame - 1 : 0); }

void TestRun::writeReport() const {
    if (!outputDirectory.empty()) report.write(outputDirectory);
}

std::recursive_mutex& runtimeMutex() {
    static std::recursive_mutex* mutex = new std::recursive_mutex; // outlives FinalReport
    return *mutex;
}

TestRun& currentRun() { return refreshRun(false); }

TestRun& refreshRun(bool mayRestart) {
    TestRun*& run = runSlot();
    if (run && !mayRestart) return *run;
    const std::string scriptPath = environment("USINE_TEST_XR_SCRIPT");
    const std::string output = environment("USINE_TEST_XR_OUTPUT");
    std::unique_ptr<TestRun> fresh = loadRun(scriptPath, output);
    fresh->identity += '\n' + environment("USINE_TEST_XR_RUN"); // lets a test ask for a fresh run
    if (run && run->identity == fresh->identity) return *run;
    delete run; // no instance is alive, so nothing refers to it any more
    run = fresh.release();
    if (!run->scriptValid) std::fprintf(stderr, "[usine test runtime] %s\n", run->report.scriptError.c_str());
    return *run;
}

void injectedStall(const TestRun& run, const char* function) {
    for (const InjectedStall& stall : run.script.faults.stalls)
        if (stall.function == function) {
            std::fprintf(stderr, "[usine test runtime] %s: stalling %g s as the script asks\n", function, stall.seconds);
            std::this_thread::sleep_for(std::chrono::duration<double>(stall.seconds));
        }
}

XrResult injectedFailure(TestRun& run, const char* function) {
    const auto& failures = run.script.faults.failures;
    bool named = false;
    for (const InjectedFailure& failure : failures) named |= failure.function == function;
    if (!named) return XR_SUCCESS;
    const std::int64_t call = ++run.callCounts[function];
    for (const InjectedFailure& failure : failures) {
        if (failure.function != function || (failure.atCall && *failure.atCall != call)) continue;
        ++run.report.injectedFailures;
        std::fprintf(stderr, "[usine test runtime] %s: failing call %lld as the script asks\n", function,
                     static_cast<long long>(call));
        return XR_ERROR_RUNTIME_FAILURE;
    }
    return XR_SUCCESS;
}

} // namespace usine::test_runtime
