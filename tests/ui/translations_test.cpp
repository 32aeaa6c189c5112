// Translation files: the shipped ones load whole, and every mistake an author can make
// is reported with the file, the line and the key, all at once.
#include "core/error.h"
#include "support/test_paths.h"
#include "ui/translations.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::ui;

namespace {
Translations parseBoth(const std::string& french, const std::string& english) {
    return Translations::parse({{Language::French, {"fr.toml", french}}, {Language::English, {"en.toml", english}}});
}
} // namespace

TEST_CASE("the shipped texts load, French with its typography, English untouched", "[ui][translations]") {
    const Translations texts = Translations::load(testing::sourceDirectory() / "assets" / "texts");
    CHECK(texts.text("menu.language", Language::French) == "Langue");
    CHECK(texts.text("menu.language", Language::English) == "Language");
    const std::string& french = texts.text("about.body", Language::French);
    CHECK(french.find("lycéens\u202F: visitez") != std::string::npos);
    CHECK(french.find("métiers\u202F!") != std::string::npos);
    const std::string& english = texts.text("about.body", Language::English);
    CHECK(english.find("\u202F") == std::string::npos);
    CHECK(english.find("pupils: visit") != std::string::npos);
    CHECK(texts.has("about.font_licence"));
}

TEST_CASE("a text missing in one language names the key and the file", "[ui][translations]") {
    CHECK_THROWS_WITH(parseBoth("[menu]\ntitle = \"Menu\"\nabout = \"À propos\"\n", "[menu]\ntitle = \"Menu\"\n"),
                      "en.toml: the text 'menu.about' is missing (it is in fr.toml:3:9)");
}

TEST_CASE("every problem of the files is listed at once, with line and column", "[ui][translations]") {
    try {
        parseBoth("[menu]\ntitle = 3\nclose = \"\"\n", "[menu]\ntitle = \"Menu\"\nclose = \"Close\"\n");
        FAIL("no error");
    } catch (const UserError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, Catch::Contains("fr.toml:2:9: 'menu.title' must be text in quotes"));
        CHECK_THAT(message, Catch::Contains("fr.toml:3:9: the text of 'menu.close' is empty"));
    }
    CHECK_THROWS_WITH(parseBoth("[menu\n", "[menu]\n"), Catch::StartsWith("fr.toml:1:"));
}

TEST_CASE("asking for a key nobody wrote is a bug, not a blank", "[ui][translations]") {
    const Translations texts = parseBoth("a = \"un\"\n", "a = \"one\"\n");
    CHECK_THROWS_AS(texts.text("b", Language::French), SystemError);
}
