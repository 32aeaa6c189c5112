// Window pacing under a virtual X server: a spectator window (NeverWait) hands out a
// free image or says no at once, so a headset frame that copies into it never waits for
// the screen, even when every image is taken.
#include "display/window/presentation_window.h"
#include "gpu/gpu_context.h"
#include "support/virtual_screen.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>

using namespace usine;
using namespace usine::display::window;

TEST_CASE("a spectator window never waits for the screen: with every image taken, it says no at once", "[window]") {
    testing::VirtualScreen screen;
    ::setenv("DISPLAY", screen.display().c_str(), 1);
    WindowSystem windows;
    gpu::GpuOptions options;
    options.validation = true;
    for (const std::string& name : WindowSystem::instanceExtensions()) options.instanceExtensions.push_back(name);
    options.deviceExtensions.push_back(WindowSystem::deviceExtension());
    gpu::GpuContext gpu(options);
    {
        PresentationWindow window(gpu, "spectator pacing test", 64, 48, WindowPacing::NeverWait);
        int handedOut = 0, refused = 0;
        const auto start = std::chrono::steady_clock::now();
        // Nothing is ever presented: the images run out, and acquiring must then refuse
        // instead of blocking (a screen-paced window would wait here for ever).
        for (int frame = 0; frame < 12; ++frame) {
            render::OutputImage out;
            VkSemaphore waitBeforeCopy = VK_NULL_HANDLE, signalWhenDone = VK_NULL_HANDLE;
            if (window.acquire(out, waitBeforeCopy, signalWhenDone)) {
                ++handedOut;
                CHECK(out.image != VK_NULL_HANDLE);
                CHECK(waitBeforeCopy == VK_NULL_HANDLE); // free already: nothing to wait for
                CHECK(signalWhenDone != VK_NULL_HANDLE);
            } else {
                ++refused;
            }
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(handedOut >= 1);
        CHECK(refused >= 1);
        CHECK(seconds < 10); // a liveness bound, not a speed measurement: blocking never ends
    }
    gpu.waitIdle();
    CHECK(gpu.validationMessages().count() == 0);
}
