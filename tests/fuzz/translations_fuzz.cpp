// Fuzz target: translation files (engine/ui/translations.h), written by plant and
// Technocampus staff who are not programmers. Any bytes as the French file, beside a
// fixed English one, must end in texts or a UserError naming a file; loaded texts must
// answer every key they list in both languages.
#include "core/error.h"
#include "ui/translations.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace usine::ui;
    const std::string french(reinterpret_cast<const char*>(data), size);
    try {
        const Translations texts = Translations::parse(
            {{Language::French, {"fr.toml", french}}, {Language::English, {"en.toml", "[menu]\ntitle = \"Menu\"\n"}}});
        for (const std::string& key : texts.keys()) {
            (void)texts.text(key, Language::French);
            (void)texts.text(key, Language::English);
        }
    } catch (const usine::UserError& error) {
        const std::string message = error.what();
        if (message.rfind("fr.toml", 0) != 0 && message.rfind("en.toml", 0) != 0) std::abort();
    }
    return 0;
}
