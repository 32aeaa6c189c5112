// The headset visit against a runtime that fails: every OpenXR create call made to fail
// once (the visit retries and goes on), or every time through 10 retries (stopped by
// Ctrl+C); in each case every handle created is destroyed, as the runtime's report counts
// them. And stops the way `timeout` sends them (SIGTERM to the process and its group)
// end the session and the instance cleanly, exit 0.
#include "core/files.h"
#include "support/background_process.h"
#include "support/headset_visit.h"
#include "support/test_paths.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <thread>

using namespace usine;
using testing::XrRun;

namespace {

// Every kind of handle the runtime counts was destroyed as often as it was created.
void checkNothingLeaked(const std::map<std::string, std::string>& report) {
    for (const char* kind : {"instances", "sessions", "spaces", "action_sets", "swapchains"}) {
        INFO(kind);
        CHECK(report.at(std::string(kind) + "_created") == report.at(std::string(kind) + "_destroyed"));
    }
}

bool waitFor(const std::function<bool()>& condition, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

std::string textOf(const std::filesystem::path& path) {
    try {
        return readFileText(path);
    } catch (...) {
        return "";
    }
}

} // namespace

TEST_CASE("a failure at any OpenXR create call is retried, and no handle leaks", "[headset][faults]") {
    // The N-th call: each create call the visit makes, including the later ones of a kind
    // (the depth swapchain, the aim spaces, an action after the first).
    const std::vector<std::pair<std::string, int>> failures{
        {"xrCreateInstance", 1},        {"xrCreateVulkanInstanceKHR", 1}, {"xrCreateVulkanDeviceKHR", 1},
        {"xrCreateSession", 1},         {"xrCreateReferenceSpace", 1},    {"xrCreateSwapchain", 1},
        {"xrCreateSwapchain", 2},       {"xrCreateActionSet", 1},         {"xrCreateAction", 3},
        {"xrCreateActionSpace", 1},     {"xrCreateActionSpace", 4},       {"xrAttachSessionActionSets", 1},
        {"xrBeginSession", 1}};
    for (const auto& [function, call] : failures) {
        const XrRun run("fail-" + function + "-" + std::to_string(call),
                        "resolution 64 64\nend-after-frames 10\nfault fail " + function + " at " +
                            std::to_string(call) + "\n");
        const auto result = testing::visitOnTestRuntime(run, {testing::factoryCellModel(), "--mode", "xr"});
        INFO(function << " at call " << call << "\n" << result.out << result.err);
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.out, Catch::Contains("Vulkan validation: 0 messages"));
        CHECK_THAT(result.out, Catch::Contains("OpenXR validation: 0 messages"));
        const auto report = run.report();
        CHECK(report.at("injected_failures") == "1");
        CHECK(report.at("session_ended_by_runtime") == "1"); // the visit went on after the failure
        CHECK(report.at("api_misuse_count") == "0");
        checkNothingLeaked(report);
    }
}

TEST_CASE("a runtime that fails every time is retried; after 10 retries and Ctrl+C, no handle leaked",
          "[headset][faults]") {
    for (const std::string function : {"xrCreateSession", "xrCreateActionSpace"}) {
        const XrRun run("fail-always-" + function, "resolution 64 64\nfault fail " + function + "\n");
        auto environment = run.environment();
        environment["DISPLAY"] = "";
        environment["USINE_VALIDATION"] = "1";
        const auto log = run.folder / "visit.log";
        testing::BackgroundProcess visit(
            {testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--mode", "xr"}, environment,
            log.string());
        // Each try creates an instance and (if nothing leaks) destroys it, rewriting the report.
        const bool retried = waitFor(
            [&] {
                const auto report = run.report();
                return report.count("instances_destroyed") && std::stoi(report.at("instances_destroyed")) >= 11;
            },
            120);
        INFO(function << "\n" << textOf(log));
        CHECK(retried);
        CHECK(visit.stop(20) == 0);
        const auto report = run.report();
        CHECK(std::stoi(report.at("injected_failures")) >= 11);
        checkNothingLeaked(report);
        CHECK_THAT(textOf(log), Catch::Contains("the headset did not start"));
    }
}

TEST_CASE("a headset visit stopped by timeout (SIGTERM to the process and its group) ends cleanly",
          "[headset][stop]") {
    const XrRun run("timeout-stop", "resolution 64 64\n");
    auto environment = run.environment();
    environment["DISPLAY"] = "";
    environment["USINE_VALIDATION"] = "1";
    const auto log = run.folder / "visit.log";
    // timeout forwards a SIGTERM it receives to the visit and to the visit's process
    // group, exactly as when its time runs out; --preserve-status exits with the visit's
    // code. Sending it ourselves once frames flow keeps the test independent of speed.
    testing::BackgroundProcess timeout({"timeout", "--preserve-status", "600", testing::usineProgram().string(),
                                        "visit", testing::factoryCellModel(), "--mode", "xr"},
                                       environment, log.string());
    const bool flowing = waitFor(
        [&] { return textOf(log).find("both eyes") != std::string::npos; }, 120);
    INFO(textOf(log));
    REQUIRE(flowing);
    CHECK(timeout.stop(20) == 0);
    const auto report = run.report();
    CHECK(report.at("sessions_ended") == "1");
    CHECK(report.at("instances_destroyed") == "1");
    checkNothingLeaked(report);
    CHECK_THAT(textOf(log), Catch::Contains("OpenXR validation: 0 messages"));
}

TEST_CASE("a headless visit stopped by timeout ends cleanly with its pictures", "[stop]") {
    const auto out = testing::testOutputDirectory() / "timeout-headless";
    std::filesystem::remove_all(out);
    std::filesystem::create_directories(out);
    const auto log = out / "visit.log";
    testing::BackgroundProcess timeout({"timeout", "--preserve-status", "600", testing::usineProgram().string(),
                                        "visit", testing::factoryCellModel(), "--mode", "headless", "--frames",
                                        "100000000", "--size", "32x32", "--out", (out / "tour").string()},
                                       {{"DISPLAY", ""}}, log.string());
    const bool flowing = waitFor([&] { return textOf(log).find("display: headless") != std::string::npos; }, 120);
    INFO(textOf(log));
    REQUIRE(flowing);
    CHECK(timeout.stop(20) == 0);
    CHECK_THAT(textOf(log), Catch::Contains("visit ended after"));
}

namespace {

// A headset visit whose runtime takes `endSessionSeconds` to end a session; returns once
// frames flow.
struct StallingVisit {
    XrRun run;
    std::filesystem::path log;
    testing::BackgroundProcess visit;

    StallingVisit(const std::string& name, double endSessionSeconds)
        : run(name, "resolution 64 64\nfault stall xrEndSession " + std::to_string(endSessionSeconds) + "\n"),
          log(run.folder / "visit.log"), visit(command(), environment(run), log.string()) {
        const bool flowing = waitFor([&] { return textOf(log).find("both eyes") != std::string::npos; }, 120);
        INFO(textOf(log));
        REQUIRE(flowing);
    }
    static std::vector<std::string> command() {
        return {testing::usineProgram().string(), "visit", testing::factoryCellModel(), "--mode", "xr"};
    }
    static std::map<std::string, std::string> environment(const XrRun& run) {
        auto environment = run.environment();
        environment["DISPLAY"] = "";
        return environment;
    }
};

} // namespace

TEST_CASE("Ctrl+C twice within 1 s is one request: the visit still ends cleanly", "[headset][stop]") {
    StallingVisit stalling("stop-double-tap", 0.5); // the runtime takes 0.5 s to end the session
    stalling.visit.signal(SIGINT);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stalling.visit.signal(SIGINT);
    CHECK(stalling.visit.wait(30) == 0);
    CHECK(stalling.run.report().at("sessions_ended") == "1");
    CHECK(stalling.run.report().at("instances_destroyed") == "1");
}

TEST_CASE("a Ctrl+C 1 s or more after the first stops at once, exit 130", "[headset][stop]") {
    StallingVisit stalling("stop-forced", 60); // the runtime hangs in xrEndSession
    stalling.visit.signal(SIGINT);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    stalling.visit.signal(SIGINT);
    CHECK(stalling.visit.wait(30) == 130);
    CHECK_THAT(textOf(stalling.log), Catch::Contains("stopped at once (Ctrl+C again)"));
}

TEST_CASE("SIGTERM never forces; a clean stop that hangs ends after 5 s with exit 4", "[headset][stop]") {
    StallingVisit stalling("stop-hangs", 60);
    stalling.visit.signal(SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    stalling.visit.signal(SIGTERM); // a second SIGTERM, late: still not a forced stop
    CHECK(stalling.visit.wait(30) == 4);
    CHECK_THAT(textOf(stalling.log), Catch::Contains("did not stop within 5 s of the request"));
}
