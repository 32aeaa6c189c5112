// tools/draft-narration: every narration text becomes a voice file in each language,
// tagged as a draft; a recorded voice (a file without the tag) is never overwritten.
#include "audio/ogg_file.h"
#include "core/files.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>

using namespace usine;

TEST_CASE("draft narration is spoken from the texts, tagged draft, and keeps recorded voices", "[tools][narration]") {
    const auto folder = testing::testOutputDirectory() / "draft-narration";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder / "fr");
    // A "recorded" French voice: an Ogg Vorbis file without the draft tag (here a copy of
    // the fuzz corpus's short voice, its tags rewritten).
    const auto recorded = folder / "fr" / "narration.welcome.ogg";
    const std::string makeRecorded = "vorbiscomment -w -t 'ARTIST=a recorded voice' '" +
                                     (testing::sourceDirectory() / "tests/fuzz/ogg_sound/corpus/short-voice-tagged.ogg").string() +
                                     "' '" + recorded.string() + "'";
    REQUIRE(std::system(makeRecorded.c_str()) == 0);
    const std::string recordedBytes = readFileText(recorded);

    const auto result = testing::runProgram(
        "/usr/bin/env", {"USINE_PROGRAM=" + testing::usineProgram().string(), "USINE_NARRATION_DIR=" + folder.string(),
                         (testing::sourceDirectory() / "tools" / "draft-narration").string()});
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.out, Catch::Contains("keeping the recorded voice"));
    CHECK(readFileText(recorded) == recordedBytes);
    const audio::OggFile english(folder / "en" / "narration.welcome.ogg");
    CHECK(english.tags().at("USINE_NARRATION") == "draft");
    CHECK(english.tags().at("USINE_VOICE") == "espeak-ng en-gb");
    CHECK(english.seconds() > 3.0); // a sentence, not a blip
    // The shipped narration is marked as what it is.
    for (const char* language : {"fr", "en"}) {
        const audio::OggFile shipped(testing::sourceDirectory() / "assets" / "narration" / language / "narration.welcome.ogg");
        CHECK(shipped.tags().at("USINE_NARRATION") == "draft");
    }
}
