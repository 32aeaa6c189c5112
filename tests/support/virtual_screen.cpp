// Xvfb with -displayfd (see virtual_screen.h).
#include "support/virtual_screen.h"

#include "core/text.h"
#include "support/test_paths.h"

#include <poll.h>
#include <stdexcept>
#include <unistd.h>

namespace usine::testing {

VirtualScreen::VirtualScreen(int width, int height, double seconds) {
    int pipeEnds[2];
    if (::pipe(pipeEnds) != 0) throw std::runtime_error("VirtualScreen: pipe failed");
    // The write end is inherited by Xvfb (no close-on-exec); it writes "N\n" there.
    const auto log = testOutputDirectory() / concat("xvfb-", ::getpid(), ".log");
    server_ = std::make_unique<BackgroundProcess>(
        std::vector<std::string>{"Xvfb", "-displayfd", std::to_string(pipeEnds[1]), "-screen", "0",
                                 concat(width, "x", height, "x24"), "-nolisten", "tcp"},
        std::map<std::string, std::string>{}, log.string());
    ::close(pipeEnds[1]);
    std::string number;
    pollfd readable{pipeEnds[0], POLLIN, 0};
    while (number.find('\n') == std::string::npos && ::poll(&readable, 1, int(seconds * 1000)) > 0) {
        char buffer[16];
        const ssize_t got = ::read(pipeEnds[0], buffer, sizeof buffer);
        if (got <= 0) break;
        number.append(buffer, std::size_t(got));
    }
    ::close(pipeEnds[0]);
    if (number.find('\n') == std::string::npos)
        throw std::runtime_error(concat("Xvfb did not start within ", seconds, " s (see ", log.string(), ")"));
    display_ = ":" + number.substr(0, number.find('\n'));
}

} // namespace usine::testing
