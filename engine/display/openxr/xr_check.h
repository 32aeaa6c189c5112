// XR_CHECK: every XrResult is checked. A failure throws XrFailure, which keeps the
// result so the frame loop can tell a lost session or instance (state changes, handled)
// from a real failure.
#pragma once

#include "core/error.h"
#include "display/openxr/openxr_headers.h"

namespace usine::display::openxr {

const char* resultName(XrResult result);

class XrFailure : public SystemError {
public:
    XrFailure(XrResult result, const std::string& message) : SystemError(message), result_(result) {}
    XrResult result() const { return result_; }
    bool sessionLost() const { return result_ == XR_ERROR_SESSION_LOST; }
    bool instanceLost() const { return result_ == XR_ERROR_INSTANCE_LOST; }

private:
    XrResult result_;
};

[[noreturn]] void throwXrFailure(XrResult result, const char* expression, const char* file, int line);

} // namespace usine::display::openxr

#define XR_CHECK(expression)                                                                         \
    do {                                                                                             \
        const XrResult xrCheckResult_ = (expression);                                                \
        if (XR_FAILED(xrCheckResult_))                                                               \
            ::usine::display::openxr::throwXrFailure(xrCheckResult_, #expression, __FILE__, __LINE__); \
    } while (false)
