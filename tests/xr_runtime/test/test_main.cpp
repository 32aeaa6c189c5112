// Catch2's main for the test runtime's own tests (Catch2's implementation is compiled
// once, in tests/support/catch_implementation.cpp).
#include "support/catch_runner.h"

int main(int argc, char** argv) { return usine::testing::runCatchSession(argc, argv); }
