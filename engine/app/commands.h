// The `usine` commands. Each takes the words after its name and returns an exit code;
// UserErrors and SystemErrors propagate to main(), which prints them.
#pragma once

#include <string>
#include <vector>

namespace usine::app {

int renderCommand(const std::vector<std::string>& words);
int benchCommand(const std::vector<std::string>& words);
int visitCommand(const std::vector<std::string>& words);
int textsCommand(const std::vector<std::string>& words);

extern const char* const kMainHelp;
extern const char* const kRenderHelp;
extern const char* const kBenchHelp;
extern const char* const kVisitHelp;
extern const char* const kTextsHelp;

} // namespace usine::app
