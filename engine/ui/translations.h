// Every word a pupil sees is data: one translation file per language (TOML, e.g.
// assets/texts/fr.toml), the same keys in each. The interface asks for a key, never a
// string. Loading checks the files whole, up front: a key missing in one language, a
// value that is not text, or a file that does not parse is an error naming the file, the
// line and the key, at start-up and in tests, never a blank in the headset.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace usine::ui {

enum class Language { French, English };

const char* languageCode(Language language); // "fr", "en"

class Translations {
public:
    // Reads <folder>/fr.toml and <folder>/en.toml; French texts get the French
    // typography pass. Throws UserError listing every problem ("FILE:LINE:COLUMN: what").
    static Translations load(const std::filesystem::path& folder);
    // The same from texts already read (`name` stands for the file in messages).
    static Translations parse(const std::vector<std::pair<Language, std::pair<std::string, std::string>>>& files);

    // The text of `key`; a key nobody wrote is a bug in the caller: SystemError.
    const std::string& text(std::string_view key, Language language) const;
    bool has(std::string_view key) const { return texts_.count(std::string(key)) > 0; }
    std::vector<std::string> keys() const;

private:
    std::map<std::string, std::map<Language, std::string>, std::less<>> texts_;
};

} // namespace usine::ui
