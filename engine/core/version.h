// The program's version (CMake's project version), for the about panel and --version.
#pragma once

namespace usine {

const char* programVersion();

} // namespace usine
