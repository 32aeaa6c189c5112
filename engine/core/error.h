// Error policy of the whole engine (one policy, see STYLE.md):
//  - UserError: something the user can cause or fix (a file, an argument, a missing
//    device). Its message is plain words naming the file or cause; the program's edge
//    prints it and exits with code 2.
//  - SystemError: an API call failed in a way the user cannot fix (a Vulkan result, a
//    failed fork). Carries the call and file:line; exit code 3.
//  - Bugs are asserts.
#pragma once

#include <stdexcept>
#include <string>

namespace usine {

class UserError : public std::runtime_error {
public:
    explicit UserError(const std::string& message) : std::runtime_error(message) {}
};

class SystemError : public std::runtime_error {
public:
    explicit SystemError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace usine
