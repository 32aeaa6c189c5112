// How `usine visit` is asked to stop: Ctrl+C (SIGINT) or SIGTERM (a service manager,
// `timeout`, a fair technician's script). A stop is always clean first: the visit ends
// its headset session and exits 0. The rules, so that one request is never read as two:
//  - copies of a signal within 1 s of the first are the same request (`timeout` and a
//    terminal deliver SIGTERM/SIGINT to the process *and* its group; a double tap);
//  - SIGTERM never forces;
//  - a SIGINT 1 s or more after the first request forces an exit at once, code 130
//    (someone pressing Ctrl+C again because the stop hangs);
//  - a clean stop that takes more than 5 s ends the program anyway, with code 4 and a
//    line saying so (a runtime that never answers xrEndSession).
#pragma once

namespace usine::app {

inline constexpr int kForcedStopExitCode = 130;
inline constexpr int kStopTimeoutExitCode = 4;
inline constexpr double kStopGraceSeconds = 5.0;
inline constexpr double kSameRequestSeconds = 1.0;

class StopRequest {
public:
    // Installs the SIGINT and SIGTERM handlers and the 5 s watchdog; once per process,
    // after any fork of the isolated reader (the watchdog is a thread).
    static void install();
    static bool requested();
};

} // namespace usine::app
