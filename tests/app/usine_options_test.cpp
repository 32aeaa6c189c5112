// No silent option: every option that a command's --help lists (and the options every
// command takes, from usine --help) is walked here, and each is seen doing what the help
// says (a different picture, size, count or line) or refused with exit 2 where it means
// nothing. An option added to a help text without a check here fails this test.
#include "core/files.h"
#include "core/image_io.h"
#include "support/program_run.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <regex>
#include <set>

using namespace usine;
namespace fs = std::filesystem;

namespace {

std::string usineProgram() { return testing::usineProgram().string(); }

// Every --option a help text names.
std::set<std::string> optionsIn(const std::string& help) {
    std::set<std::string> options;
    const std::regex option("--[a-z][a-z-]*");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it)
        options.insert(it->str());
    return options;
}

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
    fs::path folder;
};

int counter = 0;

// `usine visit` headless on the demo cell, 2 frames of 48x40, pictures in a fresh folder.
Run visitHeadless(const std::vector<std::string>& extra) {
    Run run;
    run.folder = testing::testOutputDirectory() / "options" / ("visit-" + std::to_string(++counter));
    fs::remove_all(run.folder);
    std::vector<std::string> words{"-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", usineProgram(), "visit", testing::factoryCellModel(),
                                   "--mode", "headless", "--frames", "2", "--size", "48x40", "--out", run.folder.string()};
    words.insert(words.end(), extra.begin(), extra.end());
    const auto result = testing::runProgram("/usr/bin/env", words);
    run.exitCode = result.exitCode;
    run.out = result.out;
    run.err = result.err;
    return run;
}

Rgba8Image firstPicture(const Run& run) { return readImageFile(run.folder / "frame-0000.png"); }

Run render(const std::vector<std::string>& extra) {
    Run run;
    run.folder = testing::testOutputDirectory() / "options" / ("render-" + std::to_string(++counter));
    fs::remove_all(run.folder);
    fs::create_directories(run.folder);
    std::vector<std::string> words{"render", testing::factoryCellModel(), "--size", "48x40", "--out",
                                   (run.folder / "eyes.png").string()};
    words.insert(words.end(), extra.begin(), extra.end());
    const auto result = testing::runProgram(usineProgram(), words);
    run.exitCode = result.exitCode;
    run.out = result.out;
    run.err = result.err;
    return run;
}

Run bench(const std::vector<std::string>& extra) {
    std::vector<std::string> words{"bench", testing::factoryCellModel(), "--frames", "1", "--size", "32x32"};
    words.insert(words.end(), extra.begin(), extra.end());
    const auto result = testing::runProgram(usineProgram(), words);
    return Run{result.exitCode, result.out, result.err, {}};
}

// The bench line starting with `label`.
std::string benchRow(const Run& run, const std::string& label) {
    const std::size_t at = run.out.find("\n" + label);
    if (at == std::string::npos) return "";
    return run.out.substr(at + 1, run.out.find('\n', at + 1) - at - 1);
}

void refused(const Run& run, const std::string& expected) {
    INFO(run.out << run.err);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains(expected));
}

void differs(const Run& changed, const Run& baseline) {
    INFO(changed.out << changed.err);
    REQUIRE(changed.exitCode == 0);
    REQUIRE(baseline.exitCode == 0);
    CHECK(firstPicture(changed).pixels != firstPicture(baseline).pixels);
}

Rgba8Image renderPicture(const Run& run) { return readImageFile(run.folder / "eyes.png"); }

} // namespace

TEST_CASE("every option of every command is honoured or refused with exit 2", "[program][options]") {
    const Run visitBase = visitHeadless({});
    REQUIRE(visitBase.exitCode == 0);
    const Run renderBase = render({});
    REQUIRE(renderBase.exitCode == 0);
    const Run benchBase = bench({});
    REQUIRE(benchBase.exitCode == 0);
    const fs::path tour = testing::testOutputDirectory() / "options" / "stick.tour";
    // Only the right stick is pushed forward: a left-handed visitor walks with it.
    const std::string tourText = "size 48 40\nframes 40\nsave-every 39\nat 0 head 0 1.6 3 look 0 1 0\n"
                                 "at 0 stick right 0 1\n";
    writeFileBytes(tour, tourText.data(), tourText.size());

    std::map<std::string, std::function<void()>> checks{
        // -- visit --
        {"visit --help", [] { CHECK(testing::runProgram(usineProgram(), {"visit", "--help"}).exitCode == 0); }},
        {"visit --mode", [&] { CHECK_THAT(visitBase.out, Catch::Contains("because --mode headless was asked for")); }},
        {"visit --tour",
         [&] {
             const Run run = visitHeadless({"--tour", tour.string()});
             CHECK_THAT(run.out, Catch::Contains("headless tour of 40 frames"));
             differs(run, visitBase);
             refused(visitHeadless({"--tour", tour.string(), "--mode", "desktop"}), "--tour means nothing with --mode desktop");
         }},
        {"visit --out", [&] { CHECK(fs::exists(visitBase.folder / "frame-0000.png")); }},
        {"visit --frames", [&] { CHECK_THAT(visitBase.out, Catch::Contains("visit ended after 2 frames")); }},
        {"visit --size", [&] { CHECK(firstPicture(visitBase).width == 96); }},
        {"visit --camera",
         [&] {
             // The issue's own example: a still head at 3,1.6,3.
             differs(visitHeadless({"--camera", "3,1.6,3", "--look", "0,1,0"}), visitBase);
             refused(visitHeadless({"--camera", "3,1.6,3"}), "--camera and --look go together");
             refused(visitHeadless({"--camera", "3,1.6,3", "--look", "0,1,0", "--tour", tour.string()}),
                     "--camera and --tour both say where the head goes");
         }},
        {"visit --look", [&] {
             differs(visitHeadless({"--camera", "3,1.6,3", "--look", "0,0.5,-2"}),
                     visitHeadless({"--camera", "3,1.6,3", "--look", "0,1,0"}));
         }},
        {"visit --fov", [&] { differs(visitHeadless({"--fov", "40"}), visitBase); }},
        {"visit --eye-distance",
         [&] {
             const Rgba8Image both = firstPicture(visitHeadless({"--eye-distance", "0"}));
             // With the eyes together, the left and right halves are the same picture.
             bool same = true;
             for (int y = 0; y < both.height; ++y)
                 for (int x = 0; x < both.width / 2; ++x)
                     same &= std::equal(both.at(x, y), both.at(x, y) + 4, both.at(x + both.width / 2, y));
             CHECK(same);
         }},
        {"visit --seated", [&] { differs(visitHeadless({"--seated"}), visitBase); }},
        {"visit --eye-height",
         [&] { differs(visitHeadless({"--seated", "--eye-height", "1.2"}), visitHeadless({"--seated"})); }},
        {"visit --height-offset", [&] { differs(visitHeadless({"--height-offset", "0.5"}), visitBase); }},
        {"visit --left-handed",
         [&] { differs(visitHeadless({"--tour", tour.string(), "--left-handed"}), visitHeadless({"--tour", tour.string()})); }},
        {"visit --spectator",
         [&] {
             // Honoured with a headset: tests/app/usine_desktop_test.cpp shows its window.
             refused(visitHeadless({"--spectator"}), "--spectator means nothing with --mode headless");
         }},
        {"visit --start",
         [&] {
             // Honoured with a headset or a window: tests/app/usine_headset_placement_test.cpp.
             refused(visitHeadless({"--start", "1,0,1"}), "--start means nothing with --mode headless");
         }},
        {"visit --headset-wait",
         [&] {
             // Honoured without --mode: tests/app/usine_headset_test.cpp ("no headset appeared within 1 s").
             refused(visitHeadless({"--headset-wait", "3"}), "--headset-wait means something only without --mode");
         }},
        {"visit --language",
         [&] {
             // Honoured: tests/app/usine_menu_test.cpp shows the English menu it starts with.
             CHECK(visitHeadless({"--language", "en"}).exitCode == 0);
             refused(visitHeadless({"--language", "de"}), "--language wants fr or en, not 'de'");
         }},
        {"visit --volume",
         [&] {
             // Honoured: tests/app/usine_narration_test.cpp hears a quarter of the energy at 0.5.
             CHECK(visitHeadless({"--volume", "0.5"}).exitCode == 0);
             refused(visitHeadless({"--volume", "2"}), "--volume");
         }},
        // The default on lavapipe (a CPU device) is 1x: asking for 4 changes the pictures.
        {"visit --samples", [&] { differs(visitHeadless({"--samples", "4"}), visitBase); }},
        {"visit --detail",
         [&] {
             CHECK_THAT(visitHeadless({"--detail", "full"}).out, Catch::Contains("full detail"));
             refused(visitHeadless({"--detail", "most"}), "--detail");
         }},
        {"visit --shadows",
         [&] {
             CHECK_THAT(visitHeadless({"--shadows", "on"}).out, Catch::Contains("sun shadows"));
             CHECK_THAT(visitHeadless({}).out, Catch::Contains("no shadows (the default on a CPU device)"));
             refused(visitHeadless({"--shadows", "maybe"}), "--shadows");
         }},
        {"visit --passes",
         [&] {
             CHECK_THAT(visitHeadless({"--passes", "multiview"}).out, Catch::Contains("one multiview pass"));
             CHECK_THAT(visitHeadless({"--passes", "per-eye"}).out, Catch::Contains("one pass per eye"));
         }},
        {"visit --gpu",
         [&] {
             CHECK_THAT(visitHeadless({"--gpu", "llvmpipe"}).out, Catch::Contains("on llvmpipe"));
             refused(visitHeadless({"--gpu", "no-such-gpu"}), "no-such-gpu");
         }},
        // -- render --
        {"render --help", [] { CHECK(testing::runProgram(usineProgram(), {"render", "--help"}).exitCode == 0); }},
        {"render --out", [&] { CHECK(fs::exists(renderBase.folder / "eyes.png")); }},
        {"render --size", [&] { CHECK(renderPicture(renderBase).width == 96); }},
        {"render --eyes",
         [&] {
             const Run run = render({"--eyes", "separate"});
             CHECK(readImageFile(run.folder / "eyes-left.png").width == 48);
             CHECK(readImageFile(run.folder / "eyes-right.png").width == 48);
         }},
        {"render --eye-distance",
         [&] { CHECK(renderPicture(render({"--eye-distance", "0.5"})).pixels != renderPicture(renderBase).pixels); }},
        {"render --camera",
         [&] {
             CHECK(renderPicture(render({"--camera", "3,1.6,3", "--look", "0,1,0"})).pixels !=
                   renderPicture(renderBase).pixels);
         }},
        {"render --look",
         [&] {
             CHECK(renderPicture(render({"--camera", "3,1.6,3", "--look", "0,0.5,-2"})).pixels !=
                   renderPicture(render({"--camera", "3,1.6,3", "--look", "0,1,0"})).pixels);
         }},
        {"render --fov", [&] { CHECK(renderPicture(render({"--fov", "40"})).pixels != renderPicture(renderBase).pixels); }},
        {"render --samples",
         [&] {
             CHECK(renderPicture(render({"--samples", "4"})).pixels != renderPicture(renderBase).pixels);
             CHECK(renderPicture(render({"--samples", "1"})).pixels == renderPicture(renderBase).pixels);
         }},
        {"render --shadows",
         [&] {
             const Run shadowed = render({"--shadows", "on"});
             CHECK_THAT(shadowed.out, Catch::Contains("sun shadows"));
             CHECK_THAT(renderBase.out, Catch::Contains("no shadows (the default on a CPU device)"));
             CHECK(renderPicture(shadowed).pixels != renderPicture(renderBase).pixels);
             refused(render({"--shadows", "maybe"}), "--shadows");
         }},
        {"render --detail",
         [&] {
             CHECK_THAT(render({"--detail", "full"}).out, Catch::Contains("full detail"));
             CHECK_THAT(renderBase.out, Catch::Contains("levels of detail within 1 pixel"));
             refused(render({"--detail", "most"}), "--detail");
         }},
        {"render --passes", [&] { CHECK_THAT(render({"--passes", "multiview"}).out, Catch::Contains("one multiview pass")); }},
        {"render --gpu", [&] { refused(render({"--gpu", "no-such-gpu"}), "no-such-gpu"); }},
        // -- bench --
        {"bench --help", [] { CHECK(testing::runProgram(usineProgram(), {"bench", "--help"}).exitCode == 0); }},
        {"bench --frames", [&] { CHECK_THAT(benchRow(benchBase, "frames"), Catch::Contains("1 measured")); }},
        {"bench --size", [&] { CHECK_THAT(benchRow(benchBase, "view"), Catch::Contains("2 x 32x32")); }},
        {"bench --samples",
         [&] {
             CHECK_THAT(benchRow(bench({"--samples", "4"}), "view"), Catch::Contains("4x MSAA,"));
             // Not asked: the device's choice, and the output says so.
             CHECK_THAT(benchRow(benchBase, "view"), Catch::Contains("1x MSAA (the default on a CPU device)"));
         }},
        {"bench --detail",
         [&] {
             CHECK_THAT(benchRow(bench({"--detail", "full"}), "view"), Catch::Contains("full detail"));
             CHECK_THAT(benchRow(benchBase, "view"), Catch::Contains("levels of detail within 1 pixel"));
         }},
        {"bench --mono",
         [&] {
             const Run mono = bench({"--mono"});
             CHECK_THAT(benchRow(mono, "view"), Catch::Contains("1 x 32x32 (mono)"));
             CHECK_THAT(benchRow(mono, "draw commands"), Catch::Contains("1 pass"));
             CHECK_THAT(benchRow(mono, "eyes"), Catch::Contains("one at ("));
             refused(bench({"--mono", "--passes", "multiview"}), "leave out --passes");
         }},
        {"bench --shadows",
         [&] {
             const Run shadowed = bench({"--shadows", "on"});
             CHECK_THAT(benchRow(shadowed, "view"), Catch::Contains("sun shadows (1024 texels)"));
             CHECK_THAT(benchRow(shadowed, "shadow map"), !Catch::StartsWith("shadow map       0 triangles"));
             CHECK_THAT(benchRow(benchBase, "view"), Catch::Contains("no shadows (the default on a CPU device)"));
             CHECK_THAT(benchRow(bench({"--shadows", "off"}), "view"), Catch::Contains("no shadows,"));
         }},
        {"bench --passes",
         [&] { CHECK_THAT(benchRow(bench({"--passes", "multiview"}), "view"), Catch::Contains("one multiview pass")); }},
        {"bench --camera",
         [&] {
             CHECK_THAT(benchRow(bench({"--camera", "3,1.6,3", "--look", "0,1,0"}), "eyes"),
                        Catch::Contains("left (2.978, 1.600, 3.022)"));
         }},
        {"bench --look",
         [&] {
             CHECK(benchRow(bench({"--camera", "3,1.6,3", "--look", "0,1,0"}), "eyes") !=
                   benchRow(bench({"--camera", "3,1.6,3", "--look", "0,3,0"}), "eyes"));
         }},
        {"bench --eye-distance",
         [&] { CHECK(benchRow(bench({"--eye-distance", "0.5"}), "eyes") != benchRow(benchBase, "eyes")); }},
        {"bench --fov", [&] { CHECK_THAT(benchRow(bench({"--fov", "40"}), "eyes"), Catch::Contains("40.0 degrees wide")); }},
        {"bench --gpu", [&] { refused(bench({"--gpu", "no-such-gpu"}), "no-such-gpu"); }},
        {"bench --tour",
         [&] {
             const fs::path walk = testing::testOutputDirectory() / "options" / "bench-walk.tour";
             fs::create_directories(walk.parent_path());
             const std::string script = "frames 3\nat 0 head 2 1.5 4 look 0 1 0\nat 3 head -2 1.5 4 look 0 1 0\n";
             writeFileBytes(walk, script.data(), script.size());
             const auto walked = testing::runProgram(
                 usineProgram(), {"bench", testing::factoryCellModel(), "--size", "32x32", "--tour", walk.string()});
             const Run run{walked.exitCode, walked.out, walked.err, {}};
             INFO(run.out << run.err);
             REQUIRE(run.exitCode == 0);
             CHECK_THAT(benchRow(run, "frames"), Catch::Contains("3 measured"));
             CHECK_THAT(benchRow(run, "eyes"), Catch::Contains("left (1.97")); // the walk's first head, not the still view
             CHECK_THAT(benchRow(run, "triangles"), Catch::Contains("at most"));
             refused(bench({"--tour", walk.string()}), "leave out --frames"); // bench() passes --frames
         }},
        // -- texts --
        {"texts --help", [] { CHECK(testing::runProgram(usineProgram(), {"texts", "--help"}).exitCode == 0); }},
        {"texts --language",
         [] {
             const auto english = testing::runProgram(usineProgram(), {"texts", "--language", "en"});
             CHECK_THAT(english.out, Catch::Contains("menu.close\tClose\n"));
             CHECK_THAT(testing::runProgram(usineProgram(), {"texts"}).out, Catch::Contains("menu.close\tFermer\n"));
             const auto german = testing::runProgram(usineProgram(), {"texts", "--language", "de"});
             CHECK(german.exitCode == 2);
             CHECK_THAT(german.err, Catch::Contains("--language wants fr or en"));
         }},
        {"texts --prefix",
         [] {
             const auto about = testing::runProgram(usineProgram(), {"texts", "--prefix", "about."});
             CHECK_THAT(about.out, Catch::Contains("about.title\t"));
             CHECK_THAT(about.out, !Catch::Contains("menu."));
         }},
        // -- every command (usine --help) --
        {"* --verbose", [&] { CHECK(render({"--verbose"}).exitCode == 0); /* lines: usine_log_levels_test */ }},
        {"* --quiet",
         [&] {
             CHECK(render({"--quiet"}).out.empty());
             CHECK(visitHeadless({"--quiet"}).out.empty());
             CHECK_THAT(bench({"--quiet"}).out, Catch::Contains("usine bench:")); // the table is the result
         }},
        {"* --help", [] { CHECK(testing::runProgram(usineProgram(), {"--help"}).exitCode == 0); }},
    };

    std::vector<std::string> keys;
    for (const std::string command : {"visit", "render", "bench", "texts"}) {
        const auto help = testing::runProgram(usineProgram(), {command, "--help"});
        REQUIRE(help.exitCode == 0);
        for (const std::string& option : optionsIn(help.out))
            if (option != "--verbose" && option != "--quiet") keys.push_back(command + " " + option); // below, once
    }
    // usine --help: the options every command takes (its usage lines name the commands').
    const std::string mainHelp = testing::runProgram(usineProgram(), {"--help"}).out;
    const std::size_t common = mainHelp.find("Every command also takes:");
    REQUIRE(common != std::string::npos);
    for (const std::string& option : optionsIn(mainHelp.substr(common, mainHelp.find("Environment:") - common)))
        keys.push_back("* " + option);
    keys.push_back("* --help");
    std::string unchecked;
    for (const std::string& key : keys) {
        if (!checks.count(key)) {
            unchecked += key + "; ";
            continue;
        }
        INFO("option: " << key);
        checks.at(key)();
    }
    INFO("options in a help text with no check here: " << unchecked);
    CHECK(unchecked.empty());
}
