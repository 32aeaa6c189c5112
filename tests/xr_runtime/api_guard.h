// What every entry point of the runtime shares: the runtime lock, no exception ever
// crossing into the loader, misuse bookkeeping, and the specification's two-call idiom
// for arrays and strings.
#pragma once

#include "test_run.h"
#include "xr_headers.h"

#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace usine::test_runtime {

// Runs an entry point's body under the runtime lock. A failure inside the runtime (a
// Vulkan call that failed, memory) becomes an XrResult, never an exception in C code.
template <typename Body> XrResult guarded(const char* function, Body&& body) noexcept {
    try {
        std::lock_guard lock(runtimeMutex());
        // xrCreateInstance may start a new run: it asks once the run is settled.
        if (std::strcmp(function, "xrCreateInstance") != 0) {
            injectedStall(currentRun(), function);
            if (const XrResult failure = injectedFailure(currentRun(), function); XR_FAILED(failure)) return failure;
        }
        return body();
    } catch (const std::bad_alloc&) {
        return XR_ERROR_OUT_OF_MEMORY;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "[usine test runtime] %s: %s\n", function, error.what());
        return XR_ERROR_RUNTIME_FAILURE;
    } catch (...) {
        return XR_ERROR_RUNTIME_FAILURE;
    }
}

// The application broke a rule of the specification: counted in the report (each with
// a line saying which), and answered with `result`.
inline XrResult misuse(XrResult result, const std::string& description) {
    currentRun().report.addMisuse(description);
    return result;
}

// A struct the application passes in or out must carry its type tag.
template <typename T> bool hasType(const T* value, XrStructureType type) { return value && value->type == type; }

// The two-call idiom: capacity 0 asks for the count only; too small a capacity is
// XR_ERROR_SIZE_INSUFFICIENT with the count still written.
template <typename T>
XrResult writeArray(std::uint32_t capacity, std::uint32_t* countOutput, T* out, const std::vector<T>& values) {
    if (!countOutput) return XR_ERROR_VALIDATION_FAILURE;
    *countOutput = std::uint32_t(values.size());
    if (capacity == 0) return XR_SUCCESS;
    if (capacity < values.size()) return XR_ERROR_SIZE_INSUFFICIENT;
    if (!out) return XR_ERROR_VALIDATION_FAILURE;
    for (std::size_t i = 0; i < values.size(); ++i) out[i] = values[i];
    return XR_SUCCESS;
}

// Strings count their terminating zero.
inline XrResult writeString(std::uint32_t capacity, std::uint32_t* countOutput, char* out, const std::string& text) {
    if (!countOutput) return XR_ERROR_VALIDATION_FAILURE;
    *countOutput = std::uint32_t(text.size() + 1);
    if (capacity == 0) return XR_SUCCESS;
    if (capacity < text.size() + 1) return XR_ERROR_SIZE_INSUFFICIENT;
    if (!out) return XR_ERROR_VALIDATION_FAILURE;
    std::memcpy(out, text.c_str(), text.size() + 1);
    return XR_SUCCESS;
}

// Copies into a fixed char array, always terminated.
inline void copyText(char* out, std::size_t capacity, const std::string& text) {
    const std::size_t length = text.size() < capacity - 1 ? text.size() : capacity - 1;
    std::memcpy(out, text.data(), length);
    out[length] = '\0';
}
template <std::size_t N> void copyText(char (&out)[N], const std::string& text) { copyText(out, N, text); }

} // namespace usine::test_runtime
