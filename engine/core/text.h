// Small text helpers shared by every layer: building messages and parsing arguments.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace usine {

// Joins any streamable values into one string: concat("mesh ", i, " has ", n, " vertices").
template <typename... Args>
std::string concat(const Args&... args) {
    std::ostringstream out;
    (out << ... << args);
    return out.str();
}

std::string toLower(std::string_view text);
bool containsIgnoringCase(std::string_view haystack, std::string_view needle);
std::vector<std::string> split(std::string_view text, char separator);

// Strict number parsing: the whole text must be the number, else nullopt.
std::optional<double> parseDouble(std::string_view text);
std::optional<long long> parseInteger(std::string_view text);

// "1.5" with 1 decimal, for printing timings.
std::string fixed(double value, int decimals);

} // namespace usine
