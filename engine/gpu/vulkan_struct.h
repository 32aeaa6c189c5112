// vkStruct<T>(sType[, next]): a zeroed Vulkan struct with its type tag set, so every
// create-info starts fully initialised (and -Wextra stays quiet about missing fields).
#pragma once

#include <cstddef>
#include <vulkan/vulkan.h>

namespace usine::gpu {

template <typename T, typename Next = std::nullptr_t>
T vkStruct(VkStructureType type, Next next = nullptr) {
    T value{};
    value.sType = type;
    value.pNext = next;
    return value;
}

} // namespace usine::gpu
