// Catch2's implementation, compiled once for every test program (see catch_runner.h).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "support/catch_runner.h"

namespace usine::testing {

int runCatchSession(int argc, char** argv) {
    Catch::Session session;
    if (int error = session.applyCommandLine(argc, argv)) return error;
    return session.run();
}

} // namespace usine::testing
