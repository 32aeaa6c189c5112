// Work run in a child process: results come back; crashes, aborts and hangs become
// errors naming the input, and this process carries on.
#include "core/error.h"
#include "core/isolated_call.h"
#include "core/stopwatch.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <unistd.h>

using namespace usine;
using namespace std::chrono_literals;

TEST_CASE("the child's result comes back intact", "[isolation]") {
    const auto result = runIsolated([] { return std::vector<std::uint8_t>(300000, 42); }, {10s}, "big.glb");
    REQUIRE(result.size() == 300000);
    CHECK(result.front() == 42);
    CHECK(result.back() == 42);
}

TEST_CASE("a UserError in the child is the same UserError here", "[isolation]") {
    CHECK_THROWS_WITH(runIsolated([]() -> std::vector<std::uint8_t> { throw UserError("duck.dae: no meshes"); }, {10s},
                                  "duck.dae"),
                      "duck.dae: no meshes");
}

TEST_CASE("a crash in the child is reported, naming the file", "[isolation]") {
    // Under AddressSanitizer the crash is caught there and the child exits with an
    // error code instead of dying by signal: both must be reported the same way.
    auto crash = []() -> std::vector<std::uint8_t> {
        std::raise(SIGSEGV);
        return {};
    };
    CHECK_THROWS_WITH(runIsolated(crash, {10s}, "broken.fbx"),
                      Catch::StartsWith("broken.fbx: the reader") && Catch::Contains("damaged"));
    auto abortNow = []() -> std::vector<std::uint8_t> { std::abort(); };
    CHECK_THROWS_WITH(runIsolated(abortNow, {10s}, "broken.obj"), Catch::StartsWith("broken.obj: the reader"));
    auto exitEarly = []() -> std::vector<std::uint8_t> { _exit(5); };
    CHECK_THROWS_WITH(runIsolated(exitEarly, {10s}, "odd.dae"), Catch::Contains("exit code 5"));
}

TEST_CASE("a hang in the child is stopped at the time limit", "[isolation]") {
    Stopwatch watch;
    auto hang = []() -> std::vector<std::uint8_t> {
        while (true) std::this_thread::sleep_for(1s);
    };
    CHECK_THROWS_WITH(runIsolated(hang, {300ms}, "endless.gltf"),
                      Catch::StartsWith("endless.gltf: reading took longer than 0.3 s"));
    CHECK(watch.elapsedMs() < 5000);
}

#if !defined(__SANITIZE_ADDRESS__) // AddressSanitizer aborts on such a request instead of throwing
TEST_CASE("a child running out of memory is reported as such", "[isolation]") {
    auto greedy = []() -> std::vector<std::uint8_t> { return std::vector<std::uint8_t>(std::size_t(1) << 50); };
    CHECK_THROWS_WITH(runIsolated(greedy, {10s}, "plant.fbx"),
                      Catch::StartsWith("plant.fbx: reading needs more than the "));
}

TEST_CASE("the child's memory limit counts from what it had at the start, and holds", "[isolation]") {
    // 64 MiB more than the parent had: 32 MiB fits, 128 MiB touched page by page does not.
    const IsolationLimits limits{10s, 64ull << 20};
    auto fits = []() { return std::vector<std::uint8_t>(32u << 20, 1); };
    CHECK(runIsolated(fits, limits, "small.glb").size() == (32u << 20));
    auto grows = []() {
        std::vector<std::vector<std::uint8_t>> blocks;
        for (int i = 0; i < 128; ++i) blocks.emplace_back(1u << 20, 1);
        return std::vector<std::uint8_t>(1, 0);
    };
    CHECK_THROWS_WITH(runIsolated(grows, limits, "big.glb"),
                      "big.glb: reading needs more than the 64 MiB of memory allowed for this file; it may be "
                      "damaged or declare far more data than it holds");
}
#endif
