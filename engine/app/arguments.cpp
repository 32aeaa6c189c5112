// Strict parsing of --options and their values.
#include "app/arguments.h"

#include "core/error.h"
#include "core/text.h"

namespace usine::app {

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& valueOptions,
                     const std::set<std::string>& flagOptions) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.rfind("--", 0) != 0 || word == "--") {
            positional_.push_back(word);
            continue;
        }
        std::string name = word;
        std::optional<std::string> inlineValue;
        if (auto equals = word.find('='); equals != std::string::npos) {
            name = word.substr(0, equals);
            inlineValue = word.substr(equals + 1);
        }
        if (flagOptions.count(name)) {
            if (inlineValue) throw UserError(concat(name, " takes no value"));
            flags_.insert(name);
        } else if (valueOptions.count(name)) {
            if (inlineValue) {
                values_[name] = *inlineValue;
            } else {
                if (i + 1 >= words.size()) throw UserError(concat(name, " needs a value"));
                values_[name] = words[++i];
            }
        } else {
            throw UserError(concat("unknown option ", name, " (see usine --help)"));
        }
    }
}

bool Arguments::has(const std::string& option) const { return flags_.count(option) || values_.count(option); }

std::optional<std::string> Arguments::value(const std::string& option) const {
    auto it = values_.find(option);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Arguments::text(const std::string& option, const std::string& fallback) const {
    return value(option).value_or(fallback);
}

double Arguments::number(const std::string& option, double fallback, double min, double max) const {
    auto text = value(option);
    if (!text) return fallback;
    auto parsed = parseDouble(*text);
    if (!parsed || *parsed < min || *parsed > max)
        throw UserError(concat(option, " wants a number from ", min, " to ", max, ", not '", *text, "'"));
    return *parsed;
}

long long Arguments::integer(const std::string& option, long long fallback, long long min, long long max) const {
    auto text = value(option);
    if (!text) return fallback;
    auto parsed = parseInteger(*text);
    if (!parsed || *parsed < min || *parsed > max)
        throw UserError(concat(option, " wants a whole number from ", min, " to ", max, ", not '", *text, "'"));
    return *parsed;
}

std::optional<glm::uvec2> Arguments::size(const std::string& option) const {
    auto text = value(option);
    if (!text) return std::nullopt;
    const auto parts = split(*text, 'x');
    if (parts.size() == 2) {
        auto width = parseInteger(parts[0]);
        auto height = parseInteger(parts[1]);
        if (width && height && *width >= 1 && *height >= 1 && *width <= 8192 && *height <= 8192)
            return glm::uvec2(static_cast<unsigned>(*width), static_cast<unsigned>(*height));
    }
    throw UserError(concat(option, " wants WIDTHxHEIGHT in pixels (1 to 8192), such as 640x720, not '", *text, "'"));
}

std::optional<glm::vec3> Arguments::vector3(const std::string& option) const {
    auto text = value(option);
    if (!text) return std::nullopt;
    const auto parts = split(*text, ',');
    if (parts.size() == 3) {
        auto x = parseDouble(parts[0]), y = parseDouble(parts[1]), z = parseDouble(parts[2]);
        if (x && y && z) return glm::vec3(*x, *y, *z);
    }
    throw UserError(concat(option, " wants three numbers x,y,z such as 0,1.6,3, not '", *text, "'"));
}

} // namespace usine::app
