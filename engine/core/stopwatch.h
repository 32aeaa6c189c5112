// A monotonic stopwatch for measuring phases (import, upload, frames) in milliseconds,
// and the calling thread's CPU time (work done, waiting excluded).
#pragma once

#include <chrono>
#include <ctime>

namespace usine {

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    void restart() { start_ = std::chrono::steady_clock::now(); }
    double elapsedMs() const {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

// CPU time the calling thread has used, in milliseconds (CLOCK_THREAD_CPUTIME_ID).
inline double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) * 1e-6;
}

} // namespace usine
