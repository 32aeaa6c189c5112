// Catch2's main for the test runtime's own tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
