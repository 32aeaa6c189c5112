// Scripted frames rendered into an offscreen image and saved as pictures.
#include "display/headless_display.h"

#include "core/error.h"
#include "core/image_io.h"
#include "core/log.h"
#include "core/text.h"
#include "gpu/barriers.h"

#include <cstdio>
#include <cstring>

namespace usine::display {

namespace fs = std::filesystem;

HeadlessDisplay::HeadlessDisplay(const gpu::GpuOptions& gpuOptions, TourScript script, fs::path outputFolder)
    : script_(std::move(script)), outputFolder_(std::move(outputFolder)),
      gpu_(std::make_unique<gpu::GpuContext>(gpuOptions)) {
    std::error_code ec;
    fs::create_directories(outputFolder_, ec);
    if (!fs::is_directory(outputFolder_))
        throw UserError(concat(outputFolder_.string(), ": cannot create the folder for the tour's pictures"));

    gpu::ImageDescription description;
    description.format = VK_FORMAT_R8G8B8A8_SRGB;
    description.extent = {script_.width, script_.height};
    description.layers = 2;
    description.usage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    image_ = gpu::createImage(*gpu_, description);
    readback_ = gpu::createBuffer(*gpu_, VkDeviceSize(script_.width) * script_.height * 4 * 2,
                                  VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUse::Readback);
}

std::string HeadlessDisplay::description() const {
    return concat("headless tour of ", script_.frames, " frames, pictures in ", outputFolder_.string());
}

FrameStatus HeadlessDisplay::beginFrame(Frame& frame) {
    if (quit_ || frame_ >= script_.frames) return FrameStatus::Quit;
    const Pose head = script_.headAt(frame_);
    const Fov fov = symmetricFov(glm::radians(script_.fovDegrees), float(script_.width) / float(script_.height));
    const StereoPoses eyes = eyePoses(head, script_.eyeDistance);
    frame.eyes[0] = {eyes.left, fov};
    frame.eyes[1] = {eyes.right, fov};
    frame.deltaSeconds = 1.0 / script_.fps;
    frame.displayTimeNs = static_cast<std::int64_t>(frame_ * 1e9 / script_.fps);
    input_ = script_.inputAt(frame_);

    frame.destination = {};
    if (saveThisFrame()) {
        for (std::uint32_t eye = 0; eye < 2; ++eye)
            frame.destination.outputs.push_back({eye, image_.get(), eye, {0, 0}, {script_.width, script_.height},
                                                 VK_FORMAT_R8G8B8A8_SRGB, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, false});
    }
    return FrameStatus::Render;
}

bool HeadlessDisplay::saveThisFrame() const {
    return frame_ % script_.saveEvery == 0 || frame_ == script_.frames - 1;
}

void HeadlessDisplay::endFrame(const Frame& frame) {
    if (!frame.destination.outputs.empty()) savePicture();
    ++frame_;
}

void HeadlessDisplay::savePicture() {
    // The renderer has waited for its frame; the image holds both eyes in TRANSFER_SRC.
    gpu_->submitAndWait([&](VkCommandBuffer commands) {
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 2};
        region.imageExtent = {script_.width, script_.height, 1};
        vkCmdCopyImageToBuffer(commands, image_.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback_.get(), 1,
                               &region);
        gpu::memoryBarrier(commands, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                           VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    Rgba8Image eyes[2] = {Rgba8Image(int(script_.width), int(script_.height)),
                          Rgba8Image(int(script_.width), int(script_.height))};
    const auto* bytes = static_cast<const std::uint8_t*>(readback_.mapped());
    std::memcpy(eyes[0].pixels.data(), bytes, eyes[0].pixels.size());
    std::memcpy(eyes[1].pixels.data(), bytes + eyes[0].pixels.size(), eyes[1].pixels.size());
    char name[32];
    std::snprintf(name, sizeof name, "frame-%04d.png", frame_);
    const fs::path path = outputFolder_ / name;
    writePng(path, sideBySide(eyes[0], eyes[1]));
    saved_.push_back(path);
}

} // namespace usine::display
