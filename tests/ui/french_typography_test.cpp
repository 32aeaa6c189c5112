// The French spacing pass: narrow no-break spaces where French typesetting puts them,
// whatever the author typed, and nowhere else.
#include "ui/french_typography.h"

#include <catch2/catch.hpp>

using usine::ui::applyFrenchTypography;

namespace {
const std::string n = "\u202F"; // narrow no-break space
} // namespace

TEST_CASE("a narrow no-break space goes before ; : ! ? and inside guillemets", "[ui][typography]") {
    CHECK(applyFrenchTypography("Œuvre à l’été : ça « marche » !") ==
          "Œuvre à l’été" + n + ": ça «" + n + "marche" + n + "»" + n + "!");
    // Whatever the author typed: no space, one space, two spaces, a no-break space.
    CHECK(applyFrenchTypography("Prêt?") == "Prêt" + n + "?");
    CHECK(applyFrenchTypography("Prêt  ?") == "Prêt" + n + "?");
    CHECK(applyFrenchTypography("Prêt\u00A0?") == "Prêt" + n + "?");
    CHECK(applyFrenchTypography("«marche»") == "«" + n + "marche" + n + "»");
    CHECK(applyFrenchTypography("Oui ; non") == "Oui" + n + "; non");
}

TEST_CASE("the pass is idempotent and leaves other text alone", "[ui][typography]") {
    const std::string once = applyFrenchTypography("Œuvre à l’été : ça « marche » !");
    CHECK(applyFrenchTypography(once) == once);
    CHECK(applyFrenchTypography("œ Œ É À Ç ’ …") == "œ Œ É À Ç ’ …");
    CHECK(applyFrenchTypography("à 10:30") == "à 10:30");                       // a time
    CHECK(applyFrenchTypography("https://exemple.fr") == "https://exemple.fr"); // an address
    CHECK(applyFrenchTypography("Quoi ?!") == "Quoi" + n + "?!");               // one space for the group
    CHECK(applyFrenchTypography("") == "");
}
