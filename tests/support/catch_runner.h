// Runs Catch2's session over the test cases linked in. Catch2's implementation (and with
// it Catch::Session) is compiled once, in support/catch_implementation.cpp: it is most of
// what a Catch2 main costs to compile (about 35 s at -O0 with sanitizers).
#pragma once

namespace usine::testing {

// Applies the command line and runs the selected test cases: Catch2's exit code.
int runCatchSession(int argc, char** argv);

} // namespace usine::testing
