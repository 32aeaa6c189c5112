// An XrSpace: a reference space or an action space, with the offset pose the
// application gave when creating it.
#pragma once

#include "xr_headers.h"

#include <cstdint>

namespace usine::test_runtime {

struct Session;

struct Space {
    std::uint64_t id = 0; // the XrSpace handle value
    Session* session = nullptr;
    bool isAction = false;
    XrReferenceSpaceType referenceType = XR_REFERENCE_SPACE_TYPE_STAGE;
    std::uint64_t actionId = 0; // action spaces outlive their action, so keep its id
    XrPath subactionPath = XR_NULL_PATH;
    XrPosef offset{}; // poseInReferenceSpace / poseInActionSpace
};

} // namespace usine::test_runtime
