// Logging: progress (debug, info) to standard output, warnings and errors to standard
// error. Messages are for people: plain words, one line each.
#pragma once

#include <string_view>

namespace usine::log {

enum class Level { Debug, Info, Warning, Error };

void setMinimumLevel(Level level);
void write(Level level, std::string_view message);

inline void debug(std::string_view message) { write(Level::Debug, message); }
inline void info(std::string_view message) { write(Level::Info, message); }
inline void warning(std::string_view message) { write(Level::Warning, message); }
inline void error(std::string_view message) { write(Level::Error, message); }

} // namespace usine::log
