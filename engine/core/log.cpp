// Logging: one mutex-protected line per message.
#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace usine::log {
namespace {
std::atomic<Level> minimumLevel{Level::Info};
std::mutex outputMutex;

const char* prefix(Level level) {
    switch (level) {
    case Level::Debug: return "debug: ";
    case Level::Info: return "";
    case Level::Warning: return "warning: ";
    case Level::Error: return "error: ";
    }
    return "";
}
} // namespace

void setMinimumLevel(Level level) { minimumLevel = level; }

void write(Level level, std::string_view message) {
    if (level < minimumLevel.load()) return;
    std::lock_guard lock(outputMutex);
    // Progress goes to standard output; problems to standard error, so a script (or a
    // teacher) sees exactly the problem lines there.
    FILE* stream = level >= Level::Warning ? stderr : stdout;
    std::fprintf(stream, "%s%.*s\n", prefix(level), static_cast<int>(message.size()), message.data());
    std::fflush(stream);
}

} // namespace usine::log
