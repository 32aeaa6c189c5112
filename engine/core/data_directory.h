// Where the program's own data is (the pupils' texts, shipped models): never the current
// directory. USINE_DATA_DIR wins (an installed copy, a teacher's edited texts); otherwise
// the assets/ folder of the source tree this build was made from.
#pragma once

#include <filesystem>

namespace usine {

std::filesystem::path dataDirectory();

} // namespace usine
