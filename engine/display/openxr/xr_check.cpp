// XrResult names (from the OpenXR reflection header) and the failure path.
#include "display/openxr/xr_check.h"

#include "core/text.h"

#include <openxr/openxr_reflection.h>

namespace usine::display::openxr {

const char* resultName(XrResult result) {
    switch (result) {
#define USINE_XR_RESULT_CASE(name, value) \
    case name: return #name;
        XR_LIST_ENUM_XrResult(USINE_XR_RESULT_CASE)
#undef USINE_XR_RESULT_CASE
    default: return "unknown XrResult";
    }
}

void throwXrFailure(XrResult result, const char* expression, const char* file, int line) {
    throw XrFailure(result, concat("OpenXR call failed with ", resultName(result), " (", static_cast<int>(result),
                                   "): ", expression, " at ", file, ":", line));
}

} // namespace usine::display::openxr
