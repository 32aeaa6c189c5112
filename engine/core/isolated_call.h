// Runs a piece of work in a child process with a time limit, so that code we do not
// trust with hostile input (a model importer, a picture decoder) cannot take the
// program down: a crash, an abort or a hang there becomes a UserError here.
//
// The work returns bytes (its result, encoded); a UserError it throws comes back as a
// UserError with the same message. The child may use at most three quarters of the
// machine's memory: beyond, its allocations fail and the call says so. Call it before creating threads that hold locks
// the child would need (it forks; glibc's malloc is fork-safe).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace usine {

// `what` names the input for messages, e.g. the file path.
std::vector<std::uint8_t> runIsolated(const std::function<std::vector<std::uint8_t>()>& work,
                                      std::chrono::milliseconds timeLimit, const std::string& what);

} // namespace usine
