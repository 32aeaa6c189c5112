// Fuzz target: the headless tour script parser (engine/display/tour_script.h), which a
// teacher or a test writes by hand. Any text must end in a TourScript or a UserError
// naming the line; a parsed script must then play: poses and inputs at any frame.
#include "core/error.h"
#include "display/tour_script.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    usine::display::TourScript script;
    try {
        script = usine::display::parseTourScript(text, "fuzz.tour");
    } catch (const usine::UserError& error) {
        // The message must name the file and a line.
        if (std::string(error.what()).rfind("fuzz.tour:", 0) != 0) std::abort();
        return 0;
    }
    // Play the script at its ends and in between, as the headless display does.
    const int frames = script.frames;
    for (int frame : {-1, 0, frames / 2, frames - 1, frames}) {
        const usine::Pose head = script.headAt(frame);
        if (!std::isfinite(head.position.x) || !std::isfinite(head.orientation.w)) std::abort();
        (void)script.inputAt(frame);
    }
    return 0;
}
