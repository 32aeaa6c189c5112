// Translation files (see translations.h), read with toml++ (which keeps line and column).
#include "ui/translations.h"

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"
#include "ui/french_typography.h"

#include "ui/toml_problems.h"

namespace usine::ui {
namespace {

struct Entry {
    std::string text;
    std::string where; // FILE:LINE:COLUMN
};

// Flattens nested tables into dotted keys ("menu.language"); every leaf must be text.
void collect(const toml::table& table, const std::string& prefix, const std::string& file,
             std::map<std::string, Entry>& out, std::vector<std::string>& problems) {
    for (const auto& [name, node] : table) {
        const std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
        if (const toml::table* child = node.as_table()) {
            collect(*child, key, file, out, problems);
        } else if (const toml::value<std::string>* value = node.as_string()) {
            if (value->get().empty())
                problems.push_back(concat(sourcePosition(file, node.source()), ": the text of '", key, "' is empty"));
            out[key] = Entry{value->get(), sourcePosition(file, node.source())};
        } else {
            problems.push_back(concat(sourcePosition(file, node.source()), ": '", key, "' must be text in quotes"));
        }
    }
}

} // namespace

const char* languageCode(Language language) { return language == Language::French ? "fr" : "en"; }

Translations Translations::parse(const std::vector<std::pair<Language, std::pair<std::string, std::string>>>& files) {
    std::vector<std::string> problems;
    std::map<Language, std::map<std::string, Entry>> byLanguage;
    std::map<Language, std::string> fileOf;
    for (const auto& [language, named] : files) {
        const auto& [file, text] = named;
        fileOf[language] = file;
        try {
            const toml::table table = toml::parse(text, file);
            collect(table, "", file, byLanguage[language], problems);
        } catch (const toml::parse_error& error) {
            problems.push_back(concat(sourcePosition(file, error.source()), ": ", error.description()));
        }
    }
    // Every key in every language: a text missing in one is a blank in a headset.
    std::map<std::string, std::string> firstSeen;
    for (const auto& [language, entries] : byLanguage)
        for (const auto& [key, entry] : entries) firstSeen.emplace(key, entry.where);
    Translations translations;
    for (const auto& [key, where] : firstSeen) {
        for (const auto& [language, file] : fileOf) {
            const auto found = byLanguage[language].find(key);
            if (found == byLanguage[language].end()) {
                problems.push_back(concat(file, ": the text '", key, "' is missing (it is in ", where, ")"));
                continue;
            }
            translations.texts_[key][language] =
                language == Language::French ? applyFrenchTypography(found->second.text) : found->second.text;
        }
    }
    throwProblems(problems);
    return translations;
}

Translations Translations::load(const std::filesystem::path& folder) {
    std::vector<std::pair<Language, std::pair<std::string, std::string>>> files;
    for (Language language : {Language::French, Language::English}) {
        const std::filesystem::path path = folder / (std::string(languageCode(language)) + ".toml");
        files.push_back({language, {path.string(), readFileText(path)}});
    }
    return parse(files);
}

const std::string& Translations::text(std::string_view key, Language language) const {
    const auto found = texts_.find(key);
    if (found == texts_.end()) throw SystemError(concat("no translation has the key '", key, "'"));
    return found->second.at(language);
}

std::vector<std::string> Translations::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, unused] : texts_) out.push_back(key);
    return out;
}

} // namespace usine::ui
