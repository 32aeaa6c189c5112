// The data folder (see data_directory.h).
#include "core/data_directory.h"

#include <cstdlib>

namespace usine {

std::filesystem::path dataDirectory() {
    if (const char* chosen = std::getenv("USINE_DATA_DIR"); chosen && *chosen) return chosen;
    return USINE_BUILT_ASSETS_DIR;
}

} // namespace usine
