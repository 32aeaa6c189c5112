// `usine texts`: the pupils' words of one language, one "KEY<TAB>TEXT" line each, read
// and checked as a visit reads them. What tools/draft-narration speaks, and a way for a
// plant's staff to proofread every text at once.
#include "app/arguments.h"
#include "app/commands.h"

#include "core/data_directory.h"
#include "core/error.h"
#include "core/text.h"
#include "ui/translations.h"

#include <algorithm>
#include <cstdio>

namespace usine::app {

int textsCommand(const std::vector<std::string>& words) {
    const Arguments arguments(words, {"--language", "--prefix"}, {"--help"});
    if (arguments.has("--help")) {
        std::fputs(kTextsHelp, stdout);
        return 0;
    }
    if (!arguments.positional().empty()) throw UserError("usine texts takes no file (see usine texts --help)");
    const std::string code = arguments.text("--language", "fr");
    if (code != "fr" && code != "en") throw UserError(concat("--language wants fr or en, not '", code, "'"));
    const ui::Language language = code == "fr" ? ui::Language::French : ui::Language::English;
    const std::string prefix = arguments.text("--prefix", "");
    const ui::Translations texts = ui::Translations::load(dataDirectory() / "texts");
    for (const std::string& key : texts.keys()) {
        if (key.rfind(prefix, 0) != 0) continue;
        std::string text = texts.text(key, language);
        std::replace(text.begin(), text.end(), '\n', ' '); // one line per text
        std::printf("%s\t%s\n", key.c_str(), text.c_str());
    }
    return 0;
}

} // namespace usine::app
