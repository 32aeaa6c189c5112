// --verbose / --quiet / USINE_LOG (see log_options.h).
#include "app/log_options.h"

#include "core/error.h"
#include "core/log.h"

#include <algorithm>
#include <cstdlib>

namespace usine::app {

std::vector<std::string> applyLogOptions(const std::vector<std::string>& words) {
    log::Level level = log::Level::Info;
    if (const char* variable = std::getenv("USINE_LOG"); variable && *variable) {
        const std::string value = variable;
        if (value == "debug")
            level = log::Level::Debug;
        else if (value == "info")
            level = log::Level::Info;
        else if (value == "warning")
            level = log::Level::Warning;
        else if (value == "error")
            level = log::Level::Error;
        else
            throw UserError("USINE_LOG wants debug, info, warning or error, not '" + value + "'");
    }
    const bool verbose = std::find(words.begin(), words.end(), "--verbose") != words.end();
    const bool quiet = std::find(words.begin(), words.end(), "--quiet") != words.end();
    if (verbose && quiet) throw UserError("--verbose and --quiet contradict each other: choose one");
    if (verbose) level = log::Level::Debug;
    if (quiet) level = log::Level::Warning;
    log::setMinimumLevel(level);

    std::vector<std::string> rest;
    for (const std::string& word : words)
        if (word != "--verbose" && word != "--quiet") rest.push_back(word);
    return rest;
}

} // namespace usine::app
