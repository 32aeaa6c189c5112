// Rigid-pose arithmetic (see pose_math.h).
#include "pose_math.h"

#include <cmath>

namespace usine::test_runtime {
namespace {

constexpr float kDegrees = 3.14159265358979323846f / 180.0f;

XrQuaternionf axisAngle(float x, float y, float z, float radians) {
    const float s = std::sin(radians * 0.5f);
    return XrQuaternionf{x * s, y * s, z * s, std::cos(radians * 0.5f)};
}

XrQuaternionf normalized(XrQuaternionf q) {
    const float length = std::sqrt(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
    if (length <= 0.0f) return XrQuaternionf{0, 0, 0, 1};
    return XrQuaternionf{q.x / length, q.y / length, q.z / length, q.w / length};
}

XrVector3f cross(const XrVector3f& a, const XrVector3f& b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}

} // namespace

XrPosef identityPose() {
    XrPosef pose{};
    pose.orientation.w = 1.0f;
    return pose;
}

XrQuaternionf multiply(const XrQuaternionf& a, const XrQuaternionf& b) {
    return XrQuaternionf{a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
                         a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
                         a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
                         a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z};
}

XrVector3f rotate(const XrQuaternionf& q, const XrVector3f& v) {
    // v' = v + 2w(u x v) + 2u x (u x v), with u the vector part of q.
    const XrVector3f u{q.x, q.y, q.z};
    const XrVector3f uv = cross(u, v);
    const XrVector3f uuv = cross(u, uv);
    return {v.x + 2.0f * (q.w * uv.x + uuv.x), v.y + 2.0f * (q.w * uv.y + uuv.y),
            v.z + 2.0f * (q.w * uv.z + uuv.z)};
}

XrPosef compose(const XrPosef& a, const XrPosef& b) {
    XrPosef result;
    result.orientation = normalized(multiply(a.orientation, b.orientation));
    const XrVector3f moved = rotate(a.orientation, b.position);
    result.position = {a.position.x + moved.x, a.position.y + moved.y, a.position.z + moved.z};
    return result;
}

XrPosef inverse(const XrPosef& pose) {
    XrPosef result;
    result.orientation = {-pose.orientation.x, -pose.orientation.y, -pose.orientation.z, pose.orientation.w};
    const XrVector3f back = rotate(result.orientation, pose.position);
    result.position = {-back.x, -back.y, -back.z};
    return result;
}

XrQuaternionf fromYawPitchRollDegrees(float yaw, float pitch, float roll) {
    const XrQuaternionf heading = axisAngle(0, 1, 0, yaw * kDegrees);
    const XrQuaternionf tilt = axisAngle(1, 0, 0, pitch * kDegrees);
    const XrQuaternionf lean = axisAngle(0, 0, 1, roll * kDegrees);
    return normalized(multiply(multiply(heading, tilt), lean));
}

XrQuaternionf headingOnly(const XrQuaternionf& q) {
    const XrVector3f forward = rotate(q, XrVector3f{0, 0, -1});
    // Looking straight up or down has no heading; keep the one of the up vector then.
    if (std::fabs(forward.x) < 1e-6f && std::fabs(forward.z) < 1e-6f) {
        const XrVector3f up = rotate(q, XrVector3f{0, 1, 0});
        const float sign = forward.y > 0 ? 1.0f : -1.0f;
        return axisAngle(0, 1, 0, std::atan2(sign * up.x, sign * up.z));
    }
    return axisAngle(0, 1, 0, std::atan2(-forward.x, -forward.z));
}

XrPosef interpolate(const XrPosef& a, const XrPosef& b, float t) {
    XrPosef result;
    result.position = {a.position.x + (b.position.x - a.position.x) * t,
                       a.position.y + (b.position.y - a.position.y) * t,
                       a.position.z + (b.position.z - a.position.z) * t};
    XrQuaternionf to = b.orientation;
    float dot = a.orientation.x * to.x + a.orientation.y * to.y + a.orientation.z * to.z + a.orientation.w * to.w;
    if (dot < 0) { // take the short way round
        to = {-to.x, -to.y, -to.z, -to.w};
        dot = -dot;
    }
    float wa = 1.0f - t, wb = t;
    if (dot < 0.9995f) {
        const float angle = std::acos(dot);
        const float s = std::sin(angle);
        wa = std::sin((1.0f - t) * angle) / s;
        wb = std::sin(t * angle) / s;
    }
    result.orientation = normalized({a.orientation.x * wa + to.x * wb, a.orientation.y * wa + to.y * wb,
                                     a.orientation.z * wa + to.z * wb, a.orientation.w * wa + to.w * wb});
    return result;
}

bool isValidPose(const XrPosef& pose) {
    const XrQuaternionf& q = pose.orientation;
    const float lengthSquared = q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w;
    const bool finite = std::isfinite(lengthSquared) && std::isfinite(pose.position.x) &&
                        std::isfinite(pose.position.y) && std::isfinite(pose.position.z);
    return finite && std::fabs(lengthSquared - 1.0f) < 0.01f;
}

} // namespace usine::test_runtime
