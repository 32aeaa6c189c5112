// Strict parsing and text helpers.
#include "core/text.h"

#include <catch2/catch.hpp>

using namespace usine;

TEST_CASE("numbers are parsed strictly", "[text]") {
    CHECK(parseDouble("1.5") == 1.5);
    CHECK(parseDouble("-0.25") == -0.25);
    CHECK_FALSE(parseDouble("1.5m"));
    CHECK_FALSE(parseDouble(""));
    CHECK_FALSE(parseDouble(" 1"));
    CHECK(parseInteger("640") == 640);
    CHECK_FALSE(parseInteger("640.0"));
    CHECK_FALSE(parseInteger("99999999999999999999999"));
}

TEST_CASE("split keeps empty parts and case-insensitive search works", "[text]") {
    CHECK(split("1,,3", ',') == std::vector<std::string>{"1", "", "3"});
    CHECK(split("640x720", 'x') == std::vector<std::string>{"640", "720"});
    CHECK(containsIgnoringCase("NVIDIA H100 PCIe", "h100"));
    CHECK_FALSE(containsIgnoringCase("llvmpipe", "nvidia"));
    CHECK(concat("mesh ", 3, " has ", 2.5) == "mesh 3 has 2.5");
    CHECK(fixed(1.2345, 2) == "1.23");
}
