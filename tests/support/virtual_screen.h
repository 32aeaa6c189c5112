// A virtual X server (Xvfb) of a test's own: Xvfb picks a free display number and says
// it on a pipe once it accepts clients (-displayfd), so tests running side by side never
// collide and never guess how long the server takes to start.
#pragma once

#include "support/background_process.h"

#include <memory>
#include <string>

namespace usine::testing {

class VirtualScreen {
public:
    // Throws when Xvfb does not start within `seconds` (a message says why).
    explicit VirtualScreen(int width = 640, int height = 400, double seconds = 20);

    const std::string& display() const { return display_; } // ":N"
    bool running() { return server_->running(); }

private:
    std::string display_;
    std::unique_ptr<BackgroundProcess> server_;
};

} // namespace usine::testing
