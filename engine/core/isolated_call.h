// Runs a piece of work in a child process with a time limit, so that code we do not
// trust with hostile input (a model importer, a picture decoder) cannot take the
// program down: a crash, an abort or a hang there becomes a UserError here.
//
// The work returns bytes (its result, encoded); a UserError it throws comes back as a
// UserError with the same message. The child may map at most `memoryBytes` more than it
// had when it started (address space, RLIMIT_AS, so resident memory stays below too):
// beyond, its allocations fail and the call says so. Call it before creating threads
// that hold locks the child would need (it forks; glibc's malloc is fork-safe).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace usine {

struct IsolationLimits {
    std::chrono::milliseconds time{std::chrono::seconds(120)};
    // 0: at most three quarters of the machine's memory.
    std::uint64_t memoryBytes = 0;
};

// `what` names the input for messages, e.g. the file path.
std::vector<std::uint8_t> runIsolated(const std::function<std::vector<std::uint8_t>()>& work,
                                      const IsolationLimits& limits, const std::string& what);

// "FILE: reading needs more than the N MiB of memory allowed for this file; ...": also
// for work that notices itself that it ran out (Assimp catches bad_alloc).
std::string outOfMemoryMessage(const std::string& what, std::uint64_t memoryLimit);

} // namespace usine
