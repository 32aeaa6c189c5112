// The OpenXR core validation layer's messages reach our count (as Vulkan's do): a
// deliberate violation is caught, so "0 messages" in a visit means something.
#include "display/openxr/openxr_instance.h"
#include "display/openxr/xr_struct.h"
#include "support/test_xr_runtime.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace usine;
using namespace usine::display::openxr;

TEST_CASE("a deliberate OpenXR violation is caught by the core validation layer", "[headset][validation]") {
    const testing::XrRun run("xr-violation", "resolution 32 32\n");
    for (const auto& [name, value] : run.environment()) ::setenv(name.c_str(), value.c_str(), 1);
    OpenXrInstance instance(true);
    REQUIRE(instance.validationMessages().empty());
    // A system query whose structure carries the wrong type tag.
    auto info = xrStruct<XrSystemGetInfo>(XR_TYPE_SESSION_BEGIN_INFO);
    info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
    XrSystemId system = XR_NULL_SYSTEM_ID;
    xrGetSystem(instance.handle(), &info, &system);
    const auto messages = instance.validationMessages();
    REQUIRE_FALSE(messages.empty());
    CHECK_THAT(messages.front(), Catch::Contains("xrGetSystem"));
}

TEST_CASE("the core validation layer already enabled by XR_ENABLE_API_LAYERS is asked for once, and still heard",
          "[headset][validation]") {
    // Naming the layer again made the loader refuse the instance
    // (XR_ERROR_API_LAYER_NOT_PRESENT): no headset at all for a user with that habit.
    const testing::XrRun run("xr-violation-env-layer", "resolution 32 32\n");
    for (const auto& [name, value] : run.environment()) ::setenv(name.c_str(), value.c_str(), 1);
    ::setenv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation", 1);
    OpenXrInstance instance(true);
    ::unsetenv("XR_ENABLE_API_LAYERS");
    CHECK(instance.validationLayerLoaded());
    auto info = xrStruct<XrSystemGetInfo>(XR_TYPE_SESSION_BEGIN_INFO);
    info.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
    XrSystemId system = XR_NULL_SYSTEM_ID;
    xrGetSystem(instance.handle(), &info, &system);
    CHECK_FALSE(instance.validationMessages().empty());
}
