// The `usine` program: dispatches to a command and turns errors into one plain line
// and an exit code (2: the user can fix it; 3: an internal failure).
#include "app/commands.h"
#include "app/log_options.h"
#include "core/error.h"
#include "core/log.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <malloc.h>

int main(int argc, char** argv) {
    using namespace usine;
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
        std::strcmp(argv[1], "help") == 0) {
        std::fputs(app::kMainHelp, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    // OpenAL Soft's own "AL lib: (EE)" lines stay quiet unless asked for (our warning
    // says what matters); set before any thread exists, as setenv must be.
    setenv("ALSOFT_LOGLEVEL", "0", 0);
    // Freed memory stays with the process instead of going back to the kernel: a CPU
    // Vulkan driver (lavapipe) frees and reallocates its per-frame buffers every frame,
    // and each return cost page faults and zeroed pages again. Measured on 2CylinderEngine
    // at 640x720 on lavapipe: the frame from about 60 to 51 ms (benchmarks/README.md).
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    const std::string command = argv[1];
    try {
        const std::vector<std::string> words = app::applyLogOptions({argv + 2, argv + argc});
        if (command == "render") return app::renderCommand(words);
        if (command == "bench") return app::benchCommand(words);
        if (command == "visit") return app::visitCommand(words);
        if (command == "texts") return app::textsCommand(words);
        throw UserError("unknown command '" + command + "' (see usine --help)");
    } catch (const UserError& error) {
        log::error(error.what());
        return 2;
    } catch (const SystemError& error) {
        log::error(error.what());
        return 3;
    } catch (const std::exception& error) {
        log::error(std::string("unexpected failure: ") + error.what());
        return 3;
    }
}
