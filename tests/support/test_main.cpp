// Catch2 main for every test program. Two duties beyond running the tests:
//  - after each test case, any Vulkan validation message on the shared GPU fails the
//    run (so no test can forget to check);
//  - programs that need ../shared/corpus skip with a visible message (exit code 77,
//    which ctest reports as "Skipped") when it is absent, and fail when CI=true.
// Catch2's implementation is compiled once, in support/catch_implementation.cpp; the
// listener's base class is among its external interfaces.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include "support/catch_runner.h"
#include "support/gpu_test_context.h"
#include "support/test_paths.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

std::vector<std::string>& testsWithValidationMessages() {
    static std::vector<std::string> names;
    return names;
}

struct ValidationListener : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseStarting(const Catch::TestCaseInfo& info) override {
        if (usine::testing::sharedGpuExists()) usine::testing::sharedGpu().validationMessages().clear();
        Catch::TestEventListenerBase::testCaseStarting(info);
    }
    void testCaseEnded(const Catch::TestCaseStats& stats) override {
        if (usine::testing::sharedGpuExists()) {
            const auto messages = usine::testing::sharedGpu().validationMessages().messages();
            if (!messages.empty()) {
                testsWithValidationMessages().push_back(stats.testInfo.name);
                for (const auto& message : messages)
                    std::fprintf(stderr, "[%s] %s\n", stats.testInfo.name.c_str(), message.c_str());
            }
        }
        Catch::TestEventListenerBase::testCaseEnded(stats);
    }
};

} // namespace

CATCH_REGISTER_LISTENER(ValidationListener)

int main(int argc, char** argv) {
#ifdef USINE_TESTS_NEED_CORPUS
    if (!usine::testing::corpusDirectory()) {
        const char* ci = std::getenv("CI");
        if (ci && std::strcmp(ci, "true") == 0) {
            std::fprintf(stderr, "FAILED: ../shared/corpus is absent, and CI=true requires it\n");
            return 1;
        }
        std::printf("SKIPPED: ../shared/corpus is absent (a fresh clone); these tests need the shared "
                    "third-party model corpus beside the checkout\n");
        return 77;
    }
#endif
    int failed = usine::testing::runCatchSession(argc, argv);
    if (!testsWithValidationMessages().empty()) {
        std::fprintf(stderr, "FAILED: %zu test case(s) produced Vulkan validation messages\n",
                     testsWithValidationMessages().size());
        failed = failed ? failed : 1;
    }
    return failed;
}
