// Stop requests from signals (see stop_request.h). The handler only touches lock-free
// atomics and async-signal-safe calls (clock_gettime, write, _exit).
#include "app/stop_request.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <thread>
#include <unistd.h>

namespace usine::app {
namespace {

std::atomic<bool> stopRequested{false};
std::atomic<std::int64_t> firstRequestNs{0};
static_assert(std::atomic<std::int64_t>::is_always_lock_free, "the signal handler needs lock-free atomics");

std::int64_t monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void say(const char* text) { [[maybe_unused]] const auto written = ::write(2, text, std::strlen(text)); }

void onStopSignal(int signal) {
    const std::int64_t now = monotonicNs();
    std::int64_t none = 0;
    if (firstRequestNs.compare_exchange_strong(none, now)) {
        stopRequested = true;
        return;
    }
    const bool late = now - none >= std::int64_t(kSameRequestSeconds * 1e9);
    if (signal == SIGINT && late) {
        say("\nstopped at once (Ctrl+C again)\n");
        std::_Exit(kForcedStopExitCode);
    }
    // A copy of the first request, or SIGTERM: the clean stop is already under way.
}

void watchdog() {
    while (!stopRequested) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::duration<double>(kStopGraceSeconds));
    say("error: the visit did not stop within 5 s of the request; exiting without a clean end (code 4)\n");
    std::_Exit(kStopTimeoutExitCode);
}

} // namespace

void StopRequest::install() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // Detached: it either finds no request until the program exits, or ends the program.
    std::thread(watchdog).detach();
}

bool StopRequest::requested() { return stopRequested.load(); }

} // namespace usine::app
