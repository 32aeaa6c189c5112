// xrStruct<T>(type): a zeroed OpenXR struct with its type tag set (as vkStruct for
// Vulkan), so every struct handed to the runtime is fully initialised.
#pragma once

#include "display/openxr/openxr_headers.h"

namespace usine::display::openxr {

template <typename T>
T xrStruct(XrStructureType type) {
    T value{};
    value.type = type;
    return value;
}

// Copies a string into a fixed OpenXR char array, always terminated.
template <std::size_t N>
void copyName(char (&out)[N], const char* text) {
    std::size_t i = 0;
    for (; text[i] && i + 1 < N; ++i) out[i] = text[i];
    out[i] = '\0';
}

} // namespace usine::display::openxr
