// XrPath atoms of one instance: path strings interned to numbers and back.
#pragma once

#include "xr_headers.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace usine::test_runtime {

class PathTable {
public:
    XrPath intern(const std::string& path);
    std::optional<XrPath> find(const std::string& path) const;
    // None for XR_NULL_PATH and for numbers this table never gave out.
    std::optional<std::string> text(XrPath path) const;

private:
    std::vector<std::string> strings_; // XrPath n is strings_[n - 1]
    std::unordered_map<std::string, XrPath> atoms_;
};

// The specification's well-formed path: starts with '/', segments of lowercase letters,
// digits, '-', '_' and '.', no empty segment, no "." or ".." segment, no trailing '/'.
bool isWellFormedPath(std::string_view path);

} // namespace usine::test_runtime
