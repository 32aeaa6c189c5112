// One small move-only owner for OpenXR handles, as gpu/owned_handle.h is for Vulkan's:
// a handle is destroyed exactly once, whatever throws between its creation and the end
// of its owner's constructor (a runtime failing a later call, a lost session). The
// destroy function is part of the type:
//   OwnedXrSession session;  XR_CHECK(xrCreateSession(..., session.put()));
#pragma once

#include "display/openxr/openxr_headers.h"

#include <utility>

namespace usine::display::openxr {

template <typename Handle, auto Destroy>
class XrOwned {
public:
    XrOwned() = default;
    explicit XrOwned(Handle handle) : handle_(handle) {}
    ~XrOwned() { reset(); }

    XrOwned(const XrOwned&) = delete;
    XrOwned& operator=(const XrOwned&) = delete;
    XrOwned(XrOwned&& other) noexcept : handle_(std::exchange(other.handle_, XR_NULL_HANDLE)) {}
    XrOwned& operator=(XrOwned&& other) noexcept {
        if (this != &other) {
            reset();
            handle_ = std::exchange(other.handle_, XR_NULL_HANDLE);
        }
        return *this;
    }

    Handle get() const { return handle_; }
    const Handle* address() const { return &handle_; }
    // For a create call's output: whatever was held is destroyed first.
    Handle* put() {
        reset();
        return &handle_;
    }
    explicit operator bool() const { return handle_ != XR_NULL_HANDLE; }

    void reset() {
        // A destroy call fails only on a handle that is already invalid (a lost
        // instance's children are still destroyable): nothing more to do then.
        if (handle_ != XR_NULL_HANDLE) Destroy(handle_);
        handle_ = XR_NULL_HANDLE;
    }

private:
    Handle handle_ = XR_NULL_HANDLE;
};

using OwnedXrInstance = XrOwned<XrInstance, xrDestroyInstance>;
using OwnedXrSession = XrOwned<XrSession, xrDestroySession>;
using OwnedXrSpace = XrOwned<XrSpace, xrDestroySpace>;
using OwnedXrSwapchain = XrOwned<XrSwapchain, xrDestroySwapchain>;
using OwnedXrActionSet = XrOwned<XrActionSet, xrDestroyActionSet>; // destroys its actions too

} // namespace usine::display::openxr
