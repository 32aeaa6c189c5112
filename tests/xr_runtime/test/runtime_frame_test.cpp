// The runtime through the real Khronos loader: the pictures it reads back (array and
// per-eye swapchains), the views and spaces it reports for the scripted head and
// hands, and the STAGE and array faults.
#include "test_client.h"
#include "test_folders.h"

#include <catch2/catch.hpp>

using namespace usine::test_runtime::client;

namespace {

constexpr XrTime timeOfFrame(std::int64_t frame) { return 1'000'000'000 + frame * 11'111'111; }

XrSpaceLocation locate(XrSpace space, XrSpace base, XrTime time) {
    XrSpaceLocation location{XR_TYPE_SPACE_LOCATION, nullptr, 0, {}};
    REQUIRE(xrLocateSpace(space, base, time, &location) == XR_SUCCESS);
    return location;
}

constexpr XrSpaceLocationFlags kTracked = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                                          XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT |
                                          XR_SPACE_LOCATION_POSITION_TRACKED_BIT;

void startSession(TestClient& client) {
    REQUIRE(client.createInstance() == XR_SUCCESS);
    REQUIRE(client.getSystem() == XR_SUCCESS);
    REQUIRE(client.createSession() == XR_SUCCESS);
}

} // namespace

TEST_CASE("Each eye's layer of an array swapchain is read back as that eye's picture") {
    const auto folder = testFolder("array_pictures");
    useScript(folder, "resolution 64 48\nend-after-frames 8\ncapture 5\n");
    TestClient client; // squares of 20 and 30 pixels
    startSession(client);
    CHECK(client.runUntil(Turn::Exiting, 50) == Turn::Exiting);
    CHECK(client.vulkan().messages().empty());
    client.destroyInstance();
    auto report = readReport(folder);
    CHECK(report["eye0_drawn_pixels"] == "400");
    CHECK(report["eye1_drawn_pixels"] == "900");
    CHECK(report["eye0_size"] == "64x48");
    CHECK(report["swapchain_array_size"] == "2");
    CHECK(report["swapchain_format"] == std::to_string(VK_FORMAT_R8G8B8A8_SRGB));
    for (const char* file : {"eye0.png", "eye1.png", "capture5-eye0.png", "capture5-eye1.png"})
        CHECK(std::filesystem::file_size(folder / file) > 0);
}

TEST_CASE("Swapchain images have exactly the usage asked for (plus SAMPLED): a layout beyond it is caught") {
    // The engine's stereo target once moved swapchain images to TRANSFER_SRC_OPTIMAL
    // without asking for TRANSFER_SRC usage; Monado's images lack it, so it was undefined
    // behaviour on a real runtime. Our runtime no longer adds TRANSFER_SRC for its own
    // readback (it samples), so the validation layer sees the same misuse here.
    const auto folder = testFolder("usage_misuse");
    useScript(folder, "resolution 64 48\nend-after-frames 8\n");
    ClientOptions options;
    options.copiesFromSwapchains = true;
    TestClient client(options);
    startSession(client);
    CHECK(client.runUntil(Turn::Exiting, 50) == Turn::Exiting);
    bool caught = false;
    for (const std::string& message : client.vulkan().messages())
        caught |= message.find("VUID-VkImageMemoryBarrier-oldLayout-01212") != std::string::npos;
    CHECK(caught);
    client.destroyInstance();
    // The pictures are still read back by sampling.
    auto report = readReport(folder);
    CHECK(report["eye0_drawn_pixels"] == "400");
}

TEST_CASE("Depth info chained on the projection views is accepted and counted") {
    const auto folder = testFolder("depth_layers");
    useScript(folder, "resolution 64 48\nend-after-frames 8\n");
    ClientOptions options;
    options.depthLayers = true;
    TestClient client(options);
    startSession(client);
    CHECK(client.runUntil(Turn::Exiting, 50) == Turn::Exiting);
    CHECK(client.vulkan().messages().empty());
    client.destroyInstance();
    auto report = readReport(folder);
    const int rendered = std::stoi(report["frames_read_back"]);
    CHECK(rendered > 0);
    CHECK(report["depth_layers_submitted"] == std::to_string(2 * rendered));
    CHECK(report["eye0_drawn_pixels"] == "400");
    CHECK(report["api_misuse_count"] == "0");
}

TEST_CASE("no-array-swapchains refuses arrays; a swapchain per eye works") {
    const auto folder = testFolder("no_array");
    useScript(folder, "resolution 64 48\nend-after-frames 8\nfault no-array-swapchains\n");
    ClientOptions options;
    options.arraySize = 1;
    TestClient client(options);
    startSession(client);
    auto info = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
    info.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT;
    info.format = VK_FORMAT_R8G8B8A8_SRGB;
    info.sampleCount = 1;
    info.width = info.height = 64;
    info.faceCount = 1;
    info.arraySize = 2;
    info.mipCount = 1;
    XrSwapchain swapchain = XR_NULL_HANDLE;
    CHECK(xrCreateSwapchain(client.session(), &info, &swapchain) == XR_ERROR_FEATURE_UNSUPPORTED);
    CHECK(client.runUntil(Turn::Exiting, 50) == Turn::Exiting);
    client.destroyInstance();
    auto report = readReport(folder);
    CHECK(report["eye0_drawn_pixels"] == "400");
    CHECK(report["eye1_drawn_pixels"] == "900");
    CHECK(report["swapchain_array_size"] == "1");
    CHECK(report["api_misuse_count"] == "0");
}

TEST_CASE("no-stage leaves VIEW and LOCAL; STAGE is refused") {
    useScript(testFolder("no_stage"), "fault no-stage\n");
    TestClient client;
    startSession(client);
    CHECK(client.space(XR_REFERENCE_SPACE_TYPE_VIEW));
    CHECK(client.space(XR_REFERENCE_SPACE_TYPE_LOCAL));
    CHECK_FALSE(client.space(XR_REFERENCE_SPACE_TYPE_STAGE));
    auto info = xrStruct<XrReferenceSpaceCreateInfo>(XR_TYPE_REFERENCE_SPACE_CREATE_INFO);
    info.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_STAGE;
    info.poseInReferenceSpace.orientation.w = 1;
    XrSpace space = XR_NULL_HANDLE;
    CHECK(xrCreateReferenceSpace(client.session(), &info, &space) == XR_ERROR_REFERENCE_SPACE_UNSUPPORTED);
    XrExtent2Df bounds{};
    CHECK(xrGetReferenceSpaceBoundsRect(client.session(), XR_REFERENCE_SPACE_TYPE_STAGE, &bounds) ==
          XR_ERROR_REFERENCE_SPACE_UNSUPPORTED);
}

TEST_CASE("Views, LOCAL and STAGE follow the scripted head; hand spaces the scripted hands") {
    useScript(testFolder("views_and_spaces"), "ipd 0.06\n"
                                              "frame 0 head 1 1.7 -2 yaw 90\n"
                                              "frame 100 head 2 1.7 -2 yaw 90\n"
                                              "frame 0 hand right grip 0.3 1.1 -0.4\n"
                                              "frame 0 hand left untracked\n");
    TestClient client;
    startSession(client);
    XrExtent2Df bounds{};
    CHECK(xrGetReferenceSpaceBoundsRect(client.session(), XR_REFERENCE_SPACE_TYPE_STAGE, &bounds) == XR_SUCCESS);
    CHECK(bounds.width == 3.0f);
    CHECK(xrGetReferenceSpaceBoundsRect(client.session(), XR_REFERENCE_SPACE_TYPE_LOCAL, &bounds) ==
          XR_SPACE_BOUNDS_UNAVAILABLE);
    REQUIRE(client.runUntil(Turn::Rendered, 10) == Turn::Rendered);
    while (client.lastFrameIndex() < 4) client.turn(); // focused, input synced

    const XrSpace stage = client.space(XR_REFERENCE_SPACE_TYPE_STAGE);
    XrView views[2] = {{XR_TYPE_VIEW, nullptr, {}, {}}, {XR_TYPE_VIEW, nullptr, {}, {}}};
    XrViewLocateInfo info{XR_TYPE_VIEW_LOCATE_INFO, nullptr, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, timeOfFrame(0),
                          stage};
    XrViewState state{XR_TYPE_VIEW_STATE, nullptr, 0};
    std::uint32_t count = 0;
    REQUIRE(xrLocateViews(client.session(), &info, &state, 2, &count, views) == XR_SUCCESS);
    CHECK(count == 2);
    CHECK((state.viewStateFlags & XR_VIEW_STATE_POSITION_TRACKED_BIT));
    // Turned 90 degrees left, the head's right (+x) is the world's -z.
    CHECK(views[0].pose.position.x == Approx(1));
    CHECK(views[0].pose.position.z == Approx(-1.97f));
    CHECK(views[1].pose.position.z == Approx(-2.03f));
    CHECK(views[0].fov.angleLeft == Approx(-0.82f));
    CHECK(views[1].fov.angleRight == Approx(0.82f));

    // Halfway between keyframes the head is halfway.
    const XrSpace view = client.space(XR_REFERENCE_SPACE_TYPE_VIEW);
    CHECK(locate(view, stage, timeOfFrame(50)).pose.position.x == Approx(1.5f));
    // LOCAL was fixed where the head was when the session began, facing its way.
    const XrSpaceLocation inLocal = locate(view, client.space(XR_REFERENCE_SPACE_TYPE_LOCAL), timeOfFrame(0));
    CHECK(inLocal.locationFlags == kTracked);
    CHECK(inLocal.pose.position.x == Approx(0).margin(1e-5));
    CHECK(inLocal.pose.orientation.w == Approx(1).margin(1e-5));

    const XrSpaceLocation right = locate(client.handSpace(1), stage, timeOfFrame(4));
    CHECK(right.locationFlags == kTracked);
    CHECK(right.pose.position.x == Approx(0.3f));
    CHECK(right.pose.position.y == Approx(1.1f));
    CHECK(locate(client.handSpace(0), stage, timeOfFrame(4)).locationFlags == 0);
}

TEST_CASE("An untracked headset gives views and VIEW space without valid flags") {
    useScript(testFolder("untracked_head"), "frame 0 head untracked\nframe 8 head 0 1.2 0\n");
    TestClient client;
    startSession(client);
    REQUIRE(client.runUntil(Turn::Rendered, 10) == Turn::Rendered);
    const XrSpace stage = client.space(XR_REFERENCE_SPACE_TYPE_STAGE);
    const XrSpace view = client.space(XR_REFERENCE_SPACE_TYPE_VIEW);
    for (const auto& [frame, tracked] : {std::pair{2, false}, std::pair{8, true}}) {
        INFO("frame " << frame);
        XrView views[2] = {{XR_TYPE_VIEW, nullptr, {}, {}}, {XR_TYPE_VIEW, nullptr, {}, {}}};
        XrViewLocateInfo info{XR_TYPE_VIEW_LOCATE_INFO, nullptr, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                              timeOfFrame(frame), stage};
        XrViewState state{XR_TYPE_VIEW_STATE, nullptr, 0};
        std::uint32_t count = 0;
        REQUIRE(xrLocateViews(client.session(), &info, &state, 2, &count, views) == XR_SUCCESS);
        CHECK(((state.viewStateFlags & XR_VIEW_STATE_POSITION_VALID_BIT) != 0) == tracked);
        CHECK((locate(view, stage, timeOfFrame(frame)).locationFlags == kTracked) == tracked);
    }
}

TEST_CASE("recentre moves LOCAL to the head at its frame, and not before") {
    useScript(testFolder("recentre"), "frame 0 head 0 1.6 0\nframe 20 head 1 1.5 0 yaw 90\nrecentre 30\n");
    TestClient client;
    startSession(client);
    REQUIRE(client.runUntil(Turn::Rendered, 10) == Turn::Rendered);
    while (client.lastFrameIndex() < 28) client.turn(); // the change is announced at frame 27
    const XrSpace local = client.space(XR_REFERENCE_SPACE_TYPE_LOCAL);
    const XrSpace view = client.space(XR_REFERENCE_SPACE_TYPE_VIEW);
    const XrSpaceLocation before = locate(view, local, timeOfFrame(25));
    CHECK(before.pose.position.x == Approx(1));
    CHECK(before.pose.position.y == Approx(-0.1f));
    const XrSpaceLocation after = locate(view, local, timeOfFrame(35));
    CHECK(after.pose.position.x == Approx(0).margin(1e-5));
    CHECK(after.pose.position.y == Approx(0).margin(1e-5));
    CHECK(after.pose.orientation.w == Approx(1).margin(1e-5)); // LOCAL turned with the head
    // STAGE does not move.
    CHECK(locate(view, client.space(XR_REFERENCE_SPACE_TYPE_STAGE), timeOfFrame(35)).pose.position.x == Approx(1));
}
