// Rigid-pose arithmetic on OpenXR's own types. Conventions: compose(a, b) is "b
// expressed in a's frame, then a applied", so compose(stageFromHead, headFromEye) is
// stageFromEye; quaternions are unit, right-handed, +Y up, -Z forward.
#pragma once

#include "xr_headers.h"

namespace usine::test_runtime {

XrPosef identityPose();
XrQuaternionf multiply(const XrQuaternionf& a, const XrQuaternionf& b);
XrVector3f rotate(const XrQuaternionf& q, const XrVector3f& v);
XrPosef compose(const XrPosef& a, const XrPosef& b);
XrPosef inverse(const XrPosef& pose);

// Heading, then pitch, then roll, in degrees, as a head turns: a positive yaw turns
// left (about +Y), a positive pitch looks up (about +X), a positive roll tilts the top
// to the left (about +Z).
XrQuaternionf fromYawPitchRollDegrees(float yaw, float pitch, float roll);
// The heading part of an orientation alone (gravity-aligned), as LOCAL space wants.
XrQuaternionf headingOnly(const XrQuaternionf& q);

XrPosef interpolate(const XrPosef& a, const XrPosef& b, float t);

// The specification asks runtimes to refuse poses whose orientation is not a unit
// quaternion (within a tolerance) with XR_ERROR_POSE_INVALID.
bool isValidPose(const XrPosef& pose);

} // namespace usine::test_runtime
