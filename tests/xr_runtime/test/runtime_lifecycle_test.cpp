// The runtime through the real Khronos loader: instance and session faults and the
// recovery they allow, and the API misuse the report counts.
#include "test_client.h"
#include "test_folders.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace usine::test_runtime::client;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool endsWith(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

TEST_CASE("A malformed script refuses the instance and the report names file and line") {
    const auto folder = testFolder("malformed_script");
    useScript(folder, "resolution 64 64\nframe 10 head 0 1.6\n");
    TestClient client;
    CHECK(client.createInstance() == XR_ERROR_RUNTIME_FAILURE);
    CHECK(contains(readReport(folder)["script_error"], "script.txt:2: missing z"));
}

TEST_CASE("refuse-instance refuses the first instances, then lets one through") {
    const auto folder = testFolder("refuse_instance");
    useScript(folder, "fault refuse-instance 2\n");
    TestClient client;
    CHECK(client.createInstance() == XR_ERROR_RUNTIME_FAILURE);
    CHECK(client.createInstance() == XR_ERROR_RUNTIME_FAILURE);
    REQUIRE(client.createInstance() == XR_SUCCESS);
    client.destroyInstance();
    auto report = readReport(folder);
    CHECK(report["instances_refused"] == "2");
    CHECK(report["instances_created"] == "1");
}

TEST_CASE("no-headset-seconds keeps the headset away for that long") {
    useScript(testFolder("no_headset"), "fault no-headset-seconds 0.3\n");
    TestClient client;
    REQUIRE(client.createInstance() == XR_SUCCESS);
    CHECK(client.getSystem() == XR_ERROR_FORM_FACTOR_UNAVAILABLE);
    std::this_thread::sleep_for(std::chrono::milliseconds(350));
    CHECK(client.getSystem() == XR_SUCCESS);
}

TEST_CASE("ready-after-seconds keeps a new session IDLE for that long, then READY") {
    useScript(testFolder("late_ready"), "fault ready-after-seconds 0.3\n");
    TestClient client;
    REQUIRE(client.createInstance() == XR_SUCCESS);
    REQUIRE(client.getSystem() == XR_SUCCESS);
    REQUIRE(client.createSession() == XR_SUCCESS);
    for (int turn = 0; turn < 5; ++turn) CHECK(client.turn() == Turn::Idle);
    CHECK(client.states() == std::vector<XrSessionState>{XR_SESSION_STATE_IDLE});
    std::this_thread::sleep_for(std::chrono::milliseconds(350));
    CHECK(client.runUntil(Turn::Rendered, 10) == Turn::Rendered);
    REQUIRE(client.states().size() >= 2);
    CHECK(client.states()[1] == XR_SESSION_STATE_READY);
}

TEST_CASE("After a session loss a new session runs to the end, under core validation") {
    const auto folder = testFolder("session_loss");
    useScript(folder, "resolution 64 64\nfault session-loss-at-frame 10\nend-after-frames 30\n");
    setenv("XR_CORE_VALIDATION_EXPORT_TYPE", "text", 1);
    setenv("XR_CORE_VALIDATION_FILE_NAME", (folder / "core_validation.txt").c_str(), 1);
    ClientOptions options;
    options.coreValidation = true;
    TestClient client(options);
    REQUIRE(client.createInstance() == XR_SUCCESS);
    REQUIRE(client.getSystem() == XR_SUCCESS);
    REQUIRE(client.createSession() == XR_SUCCESS);
    REQUIRE(client.runUntil(Turn::SessionLost, 100) == Turn::SessionLost);
    CHECK(client.lastFrameIndex() == 10);
    CHECK(xrRequestExitSession(client.session()) == XR_ERROR_SESSION_LOST);

    client.destroySession();
    REQUIRE(client.createSession() == XR_SUCCESS);
    CHECK(client.runUntil(Turn::Exiting, 200) == Turn::Exiting);
    CHECK(client.vulkan().messages().empty());
    client.destroyInstance();

    auto report = readReport(folder);
    CHECK(report["sessions_created"] == "2");
    CHECK(report["session_losses"] == "1");
    CHECK(report["session_ended_by_runtime"] == "1");
    CHECK(std::stoi(report["frames_submitted"]) >= 30);
    CHECK(report["api_misuse_count"] == "0");
    const std::string states = report["states"];
    CHECK(contains(states, "FOCUSED,LOSS_PENDING,IDLE,READY,SYNCHRONIZED,VISIBLE,FOCUSED,"));
    CHECK(endsWith(states, ",STOPPING,IDLE,EXITING"));
    CHECK_FALSE(std::filesystem::exists(folder / "core_validation.txt"));
    unsetenv("XR_CORE_VALIDATION_EXPORT_TYPE");
    unsetenv("XR_CORE_VALIDATION_FILE_NAME");
}

TEST_CASE("After an instance loss a new instance runs to the end; the fault does not strike again") {
    const auto folder = testFolder("instance_loss");
    useScript(folder, "resolution 64 64\nfault instance-loss-at-frame 10\nend-after-frames 30\n");
    {
        TestClient client;
        REQUIRE(client.createInstance() == XR_SUCCESS);
        REQUIRE(client.getSystem() == XR_SUCCESS);
        REQUIRE(client.createSession() == XR_SUCCESS);
        REQUIRE(client.runUntil(Turn::InstanceLost, 100) == Turn::InstanceLost);
        CHECK(xrRequestExitSession(client.session()) == XR_ERROR_INSTANCE_LOST);
        XrPath path = XR_NULL_PATH;
        CHECK(xrStringToPath(client.instance(), "/user/hand/left", &path) == XR_ERROR_INSTANCE_LOST);
    } // destroys everything, the lost instance last
    TestClient client;
    REQUIRE(client.createInstance() == XR_SUCCESS);
    REQUIRE(client.getSystem() == XR_SUCCESS);
    REQUIRE(client.createSession() == XR_SUCCESS);
    CHECK(client.runUntil(Turn::Exiting, 200) == Turn::Exiting);
    client.destroyInstance();

    auto report = readReport(folder);
    CHECK(report["instances_created"] == "2");
    CHECK(report["instance_losses"] == "1");
    CHECK(report["session_ended_by_runtime"] == "1");
    CHECK(report["api_misuse_count"] == "0");
}

TEST_CASE("Calls in the wrong state are refused and counted as misuse") {
    const auto folder = testFolder("misuse");
    useScript(folder, "resolution 64 64\n");
    TestClient client;
    REQUIRE(client.createInstance() == XR_SUCCESS);
    REQUIRE(client.getSystem() == XR_SUCCESS);
    REQUIRE(client.createSession() == XR_SUCCESS);
    XrFrameState state{XR_TYPE_FRAME_STATE, nullptr, 0, 0, XR_FALSE};
    CHECK(xrWaitFrame(client.session(), nullptr, &state) == XR_ERROR_SESSION_NOT_RUNNING);
    CHECK(xrEndSession(client.session()) == XR_ERROR_SESSION_NOT_RUNNING);
    REQUIRE(client.runUntil(Turn::Rendered, 10) == Turn::Rendered);
    CHECK(xrBeginFrame(client.session(), nullptr) == XR_ERROR_CALL_ORDER_INVALID);
    CHECK(xrEndSession(client.session()) == XR_ERROR_SESSION_NOT_STOPPING);
    CHECK(xrRequestExitSession(client.session()) == XR_SUCCESS);
    CHECK(client.runUntil(Turn::Exiting, 20) == Turn::Exiting);
    client.destroyInstance();

    auto report = readReport(folder);
    CHECK(report["api_misuse_count"] == "4");
    CHECK(contains(report["misuse_1"], "xrWaitFrame"));
    CHECK(contains(report["misuse_3"], "xrBeginFrame: no xrWaitFrame"));
    CHECK(report["session_ended_by_runtime"] == "0");
    CHECK(endsWith(report["states"], ",STOPPING,IDLE,EXITING"));
}
