// Command-line parsing for `usine`: a command, positional arguments and --options.
// Every mistake is a UserError that says which option and what was expected.
#pragma once

#include <glm/glm.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace usine::app {

class Arguments {
public:
    // `valueOptions` take a value (--out FILE); `flagOptions` do not (--help).
    Arguments(const std::vector<std::string>& words, const std::set<std::string>& valueOptions,
              const std::set<std::string>& flagOptions);

    const std::vector<std::string>& positional() const { return positional_; }
    bool has(const std::string& option) const;
    std::optional<std::string> value(const std::string& option) const;

    std::string text(const std::string& option, const std::string& fallback) const;
    double number(const std::string& option, double fallback, double min, double max) const;
    long long integer(const std::string& option, long long fallback, long long min, long long max) const;
    // "640x720"
    std::optional<glm::uvec2> size(const std::string& option) const;
    // "1.5,2,-3"
    std::optional<glm::vec3> vector3(const std::string& option) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

} // namespace usine::app
