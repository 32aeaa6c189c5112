// The version comes from CMakeLists.txt's project(... VERSION ...).
#include "core/version.h"

namespace usine {

const char* programVersion() { return USINE_VERSION; }

} // namespace usine
