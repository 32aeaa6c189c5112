// The test script: what the simulated headset and controllers do, and which faults the
// runtime plays. Parsed from a small line-based text file (format in script_parser.cpp
// and README.md); the defaults are an endless, fault-free session.
#pragma once

#include "xr_headers.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usine::test_runtime {

enum Hand { kLeft = 0, kRight = 1 };

struct HeadKey {
    std::int64_t frame = 0;
    bool tracked = true; // false: the headset lost tracking from this frame
    XrPosef pose{};      // STAGE space (unused when not tracked)
};

struct HandKey {
    std::int64_t frame = 0;
    bool tracked = true;
    XrPosef grip{}; // STAGE space
    float aimPitchDegrees = 0;
};

struct InputKey {
    std::int64_t frame = 0;
    std::array<float, 2> value{}; // second value only for 2-axis components
};

// `fault fail FUNCTION [at N]`: that entry point answers XR_ERROR_RUNTIME_FAILURE at its
// N-th call of the run (counted from 1), or at every call without `at`.
struct InjectedFailure {
    std::string function;
    std::optional<std::int64_t> atCall;
};

// `fault stall FUNCTION SECONDS`: every call of that entry point first waits (wall
// clock), as a runtime that hangs would.
struct InjectedStall {
    std::string function;
    double seconds = 0;
};

struct Faults {
    double noHeadsetSeconds = 0;
    // A new session stays IDLE this long (wall clock) before READY, as on runtimes
    // that wait for the headset to be worn.
    double readyAfterSeconds = 0;
    std::optional<std::int64_t> sessionLossAtFrame;
    std::optional<std::int64_t> instanceLossAtFrame;
    // How many xrCreateInstance calls to refuse; -1 refuses them all.
    int refuseInstances = 0;
    bool noStage = false;
    bool noArraySwapchains = false;
    bool noVulkanEnable2 = false;
    bool noDepthExtension = false;
    std::vector<InjectedFailure> failures;
    std::vector<InjectedStall> stalls;
};

struct Script {
    std::uint32_t width = 512; // recommended image size per eye
    std::uint32_t height = 512;
    double refreshHz = 90;
    float ipd = 0.064f;
    std::array<XrFovf, 2> fov{XrFovf{-0.82f, 0.70f, 0.76f, -0.80f}, XrFovf{-0.70f, 0.82f, 0.76f, -0.80f}};
    std::string profile = "/interaction_profiles/khr/simple_controller";
    std::optional<std::int64_t> endAfterFrames;
    std::uint32_t maxLayers = 16; // xrGetSystemProperties' maxLayerCount, enforced by xrEndFrame
    std::vector<std::int64_t> captures;
    // Frames at which LOCAL space is recentred on the head (announced 3 frames before).
    std::vector<std::int64_t> recentres;
    std::vector<HeadKey> head;                      // sorted by frame
    std::array<std::vector<HandKey>, 2> hands;      // sorted by frame
    std::map<std::string, std::vector<InputKey>> inputs; // by component path, sorted by frame
    Faults faults;
};

struct ScriptParse {
    std::optional<Script> script;
    std::string error; // "file:line: what is wrong" when script is empty
};

// `sourceName` names the file in error messages.
ScriptParse parseScript(std::string_view text, const std::string& sourceName);

// Where things are at a frame (fractional frames come from display times between
// frames). Poses are interpolated between keyframes and held after the last one;
// inputs hold their value until the next keyframe.
// The head pose ignores untracked keys (it holds the last tracked pose through them).
XrPosef headPoseAt(const Script& script, double frame);
// Whether the headset is tracked at a frame: lost or found exactly at a keyframe.
bool headTrackedAt(const Script& script, double frame);

struct HandPose {
    bool tracked = true;
    XrPosef grip{};
    XrPosef aim{};
};
HandPose handPoseAt(const Script& script, Hand hand, double frame);

// The scripted value of a component (".../trigger/value", ".../thumbstick"), or none
// when the script never set it before `frame`.
std::optional<std::array<float, 2>> inputAt(const Script& script, const std::string& path, std::int64_t frame);

} // namespace usine::test_runtime
