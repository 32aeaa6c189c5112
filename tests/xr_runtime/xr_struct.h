// xrStruct<T>(type): a zeroed OpenXR struct with its type tag set, the OpenXR twin of
// gpu::vkStruct, so every struct the runtime fills starts fully initialised.
#pragma once

#include "xr_headers.h"

namespace usine::test_runtime {

template <typename T> T xrStruct(XrStructureType type) {
    T value{};
    value.type = type;
    return value;
}

} // namespace usine::test_runtime
