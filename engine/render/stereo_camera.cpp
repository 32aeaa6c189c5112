// Stereo camera set-up and the per-frame uniform block derived from it.
#include "render/stereo_camera.h"

namespace usine::render {

StereoCamera stereoCameraFromHead(const Pose& head, float eyeDistance, const Fov& fov, float nearZ, float farZ) {
    const StereoPoses poses = eyePoses(head, eyeDistance);
    StereoCamera camera;
    camera.eyes[0] = {poses.left, fov};
    camera.eyes[1] = {poses.right, fov};
    camera.nearZ = nearZ;
    camera.farZ = farZ;
    return camera;
}

FrameUniforms makeFrameUniforms(const StereoCamera& camera, const scene::Lighting& lighting) {
    FrameUniforms uniforms{};
    for (int eye = 0; eye < 2; ++eye) {
        const EyeView& view = camera.eyes[eye];
        uniforms.viewProjection[eye] =
            projectionFromFov(view.fov, camera.nearZ, camera.farZ) * viewFromPose(view.pose);
        uniforms.eyePosition[eye] = glm::vec4(view.pose.position, 1);
    }
    uniforms.towardsSun = glm::vec4(glm::normalize(lighting.towardsSun), 0);
    uniforms.sunColor = glm::vec4(lighting.sunColor, 0);
    uniforms.skyAmbient = glm::vec4(lighting.skyAmbient, 0);
    uniforms.groundAmbient = glm::vec4(lighting.groundAmbient, 0);
    return uniforms;
}

} // namespace usine::render
