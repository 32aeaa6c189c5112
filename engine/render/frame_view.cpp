// The frame's view from the stereo camera (see frame_view.h).
#include "render/frame_view.h"

#include <algorithm>
#include <cmath>

namespace usine::render {

FrameView frameViewOf(const StereoCamera& camera, VkExtent2D extent, float maxPixelError) {
    FrameView view;
    glm::mat4 viewProjection[2];
    for (int eye = 0; eye < 2; ++eye) {
        const EyeView& e = camera.eyes[eye];
        viewProjection[eye] = projectionFromFov(e.fov, camera.nearZ, camera.farZ) * viewFromPose(e.pose);
        view.eyes[eye] = e.pose.position;
        const float left = std::tan(e.fov.angleLeft), right = std::tan(e.fov.angleRight);
        const float up = std::tan(e.fov.angleUp), down = std::tan(e.fov.angleDown);
        view.pixelsPerTangent = std::max({view.pixelsPerTangent, float(extent.width) / (right - left),
                                          float(extent.height) / (up - down)});
        const float edge = std::max({std::abs(left), std::abs(right), std::abs(up), std::abs(down)});
        // The corner of the view is the farthest off axis.
        view.maxTangentSquared = std::max(view.maxTangentSquared, 2 * edge * edge);
    }
    view.frustum = scene::combinedFrustum(viewProjection[0], viewProjection[1]);
    view.forward = glm::normalize(camera.eyes[0].pose.orientation * glm::vec3(0, 0, -1) +
                                  camera.eyes[1].pose.orientation * glm::vec3(0, 0, -1));
    view.maxPixelError = maxPixelError;
    return view;
}

} // namespace usine::render
