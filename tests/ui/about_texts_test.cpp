// The about panel's texts, as shipped: in both languages they give the version and name
// every piece of third-party work the visit is made with, and its licence. A library
// added to the build without its line here is a test to update, on purpose.
#include "support/test_paths.h"
#include "ui/translations.h"

#include <catch2/catch.hpp>

using namespace usine;
using namespace usine::ui;

TEST_CASE("the about panel names every font and library with its licence, in French and English", "[ui][about]") {
    const Translations texts = Translations::load(testing::sourceDirectory() / "assets" / "texts");
    const std::vector<std::string> named = {"Inter",     "SIL Open Font License 1.1", "Vulkan", "OpenXR",  "Apache 2.0",
                                            "Assimp",    "BSD 3",                     "FreeType", "HarfBuzz", "MIT",
                                            "libunibreak", "zlib", "libvorbis",                    "OpenAL Soft", "LGPL 2", "stb",
                                            "toml++",    "meshoptimizer",             "GLFW",     "GLM"};
    for (const Language language : {Language::French, Language::English}) {
        std::string about;
        for (const char* key : {"about.body", "about.version", "about.font_licence", "about.libraries"})
            about += texts.text(key, language) + "\n";
        INFO(languageCode(language) << ": " << about);
        CHECK(about.find("{version}") != std::string::npos);
        for (const std::string& name : named) {
            INFO("missing: " << name);
            CHECK(about.find(name) != std::string::npos);
        }
    }
}
