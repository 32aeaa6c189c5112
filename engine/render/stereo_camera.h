// The two eyes a frame is drawn for, each with its own pose and asymmetric field of
// view (as a headset reports them), and the depth range they share.
#pragma once

#include "core/view_geometry.h"
#include "render/frame_uniforms.h"
#include "scene/lighting.h"

namespace usine::render {

struct StereoCamera {
    EyeView eyes[2]; // 0 = left, 1 = right
    float nearZ = 0.05f;
    float farZ = 200.0f;
};

// Both eyes from one head pose: parallel eyes `eyeDistance` apart, same field of view.
StereoCamera stereoCameraFromHead(const Pose& head, float eyeDistance, const Fov& fov, float nearZ, float farZ);

FrameUniforms makeFrameUniforms(const StereoCamera& camera, const scene::Lighting& lighting);

} // namespace usine::render
