// Panels drawn by the renderer, measured in the pictures: the words are there with a
// contrast of at least 7:1 as they reach the eye, a panel seen from behind shows no
// words, a machine in front of a panel hides it (panels are drawn with depth), and body
// text at 1 m on a Quest 3-sized eye picture has an "x" at least 10 pixels tall.
#include "core/image_io.h"
#include "gpu/barriers.h"
#include "gpu/gpu_buffer.h"
#include "gpu/gpu_image.h"
#include "render/stereo_renderer.h"
#include "support/gpu_test_context.h"
#include "support/test_paths.h"
#include "support/test_scenes.h"
#include "ui/contrast.h"
#include "ui/font_face.h"
#include "ui/panel_layout.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <glm/gtc/quaternion.hpp>

using namespace usine;

namespace {

ui::Translations testTexts() {
    const std::string french = "[t]\ntitle = \"À propos\"\nbody = \"Œuvre à l’été : ça « marche » !\"\nx = \"x\"\n";
    const std::string english = "[t]\ntitle = \"About\"\nbody = \"Works in summer: it does!\"\nx = \"x\"\n";
    return ui::Translations::parse(
        {{ui::Language::French, {"fr.toml", french}}, {ui::Language::English, {"en.toml", english}}});
}

// Where a world point lands in a picture seen from the origin looking down -Z.
glm::dvec2 pixelOf(const glm::vec3& point, const Fov& fov, VkExtent2D extent) {
    const double tx = point.x / -point.z, ty = point.y / -point.z;
    const double l = std::tan(fov.angleLeft), r = std::tan(fov.angleRight), u = std::tan(fov.angleUp),
                 d = std::tan(fov.angleDown);
    return {(tx - l) / (r - l) * extent.width, (u - ty) / (u - d) * extent.height};
}

double luminance(const std::uint8_t* p) { return ui::relativeLuminance({p[0], p[1], p[2]}); }

struct Region {
    int x0, y0, x1, y1;
};

// The panel's rectangle in the picture, a few pixels inside its edges.
Region panelRegion(const ui::PanelDrawing& drawing, const glm::vec3& centre, const Fov& fov, VkExtent2D extent) {
    const glm::dvec2 topLeft = pixelOf(centre + glm::vec3(-drawing.size.x / 2, drawing.size.y / 2, 0), fov, extent);
    const glm::dvec2 bottomRight = pixelOf(centre + glm::vec3(drawing.size.x / 2, -drawing.size.y / 2, 0), fov, extent);
    return {int(topLeft.x) + 3, int(topLeft.y) + 3, int(bottomRight.x) - 3, int(bottomRight.y) - 3};
}

struct Measured {
    ui::Srgb8 darkest{255, 255, 255}, lightest{0, 0, 0};
    long lightPixels = 0; // brighter than half-way between the two
    int inkTop = 1 << 30, inkBottom = -1;
};

Measured measure(const Rgba8Image& picture, const Region& region) {
    Measured m;
    double low = 2, high = -1;
    for (int y = region.y0; y < region.y1; ++y)
        for (int x = region.x0; x < region.x1; ++x) {
            const std::uint8_t* p = picture.at(x, y);
            const double l = luminance(p);
            if (l < low) low = l, m.darkest = {p[0], p[1], p[2]};
            if (l > high) high = l, m.lightest = {p[0], p[1], p[2]};
        }
    const double middle = (luminance(&m.darkest.r) + luminance(&m.lightest.r)) / 2;
    for (int y = region.y0; y < region.y1; ++y)
        for (int x = region.x0; x < region.x1; ++x)
            if (luminance(picture.at(x, y)) > middle && high - low > 0.05) {
                ++m.lightPixels;
                m.inkTop = std::min(m.inkTop, y);
                m.inkBottom = std::max(m.inkBottom, y);
            }
    return m;
}

struct PanelShot {
    Rgba8Image left;
    ui::PanelDrawing drawing;
};

PanelShot shoot(const scene::Scene& scene, const ui::PanelContent& content, const Pose& panelPose, const Fov& fov,
                VkExtent2D extent, VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT, float readingDistance = 1.5f) {
    static ui::FontFace font;
    static ui::SdfGlyphs glyphs(font);
    ui::PanelLook look;
    look.readingDistance = readingDistance;
    PanelShot shot;
    shot.drawing = ui::layoutPanel(content, {}, testTexts(), ui::Language::French, glyphs, look);
    render::StereoRenderer renderer(testing::sharedGpu(), scene, {extent, samples, std::nullopt, false});
    renderer.setPanels(glyphs, {{panelPose, shot.drawing}});
    renderer.renderFrame(render::stereoCameraFromHead(Pose{}, 0.0f, fov, 0.05f, 50.0f));
    shot.left = renderer.eyes()[0];
    return shot;
}

scene::Scene wallBehind() {
    return scene::sceneOfModel(std::make_shared<scene::Model>(testing::squareModel({0, 0, -6}, 4, 0xff808080u)));
}

} // namespace

TEST_CASE("a panel's words reach the eye with a contrast of at least 7:1", "[panel][render]") {
    const VkExtent2D extent{480, 360};
    const Fov fov = symmetricFov(glm::radians(70.0f), 480.0f / 360.0f);
    ui::PanelContent content;
    content.titleKey = "t.title";
    content.bodyKey = "t.body";
    const glm::vec3 centre(0, 0, -1.5f);
    const PanelShot shot = shoot(wallBehind(), content, Pose{glm::quat(1, 0, 0, 0), centre}, fov, extent);
    writePng(testing::testOutputDirectory() / "panel_front.png", shot.left);
    const Measured m = measure(shot.left, panelRegion(shot.drawing, centre, fov, extent));
    const double contrast = ui::contrastRatio(m.darkest, m.lightest);
    INFO("darkest " << int(m.darkest.r) << "," << int(m.darkest.g) << "," << int(m.darkest.b) << "; lightest "
                    << int(m.lightest.r) << "," << int(m.lightest.g) << "," << int(m.lightest.b) << "; contrast "
                    << contrast << ":1, " << m.lightPixels << " ink pixels");
    CHECK(contrast >= ui::kMinimumTextContrast);
    CHECK(m.lightPixels > 200); // words, not a blank board (372 at this size)
}

TEST_CASE("a panel seen from behind shows no words", "[panel][render]") {
    const VkExtent2D extent{480, 360};
    const Fov fov = symmetricFov(glm::radians(70.0f), 480.0f / 360.0f);
    ui::PanelContent content;
    content.titleKey = "t.title";
    content.bodyKey = "t.body";
    const glm::vec3 centre(0, 0, -1.5f);
    const glm::quat turned = glm::angleAxis(glm::radians(180.0f), glm::vec3(0, 1, 0));
    const PanelShot shot = shoot(wallBehind(), content, Pose{turned, centre}, fov, extent);
    writePng(testing::testOutputDirectory() / "panel_back.png", shot.left);
    const Measured m = measure(shot.left, panelRegion(shot.drawing, centre, fov, extent));
    CHECK(m.lightPixels == 0);
    CHECK(ui::contrastRatio(m.darkest, m.lightest) < 1.1);
}

TEST_CASE("a machine between the eye and a panel hides it: panels are drawn with depth", "[panel][render]") {
    const VkExtent2D extent{480, 360};
    const Fov fov = symmetricFov(glm::radians(70.0f), 480.0f / 360.0f);
    ui::PanelContent content;
    content.titleKey = "t.title";
    content.bodyKey = "t.body";
    const glm::vec3 centre(0, 0, -1.5f);
    // A red board 1 m away, wider and taller than the panel.
    const scene::Scene scene =
        scene::sceneOfModel(std::make_shared<scene::Model>(testing::squareModel({0, 0, -1.0f}, 1.2f, 0xff0000ffu)));
    const PanelShot shot = shoot(scene, content, Pose{glm::quat(1, 0, 0, 0), centre}, fov, extent);
    writePng(testing::testOutputDirectory() / "panel_hidden.png", shot.left);
    const Measured m = measure(shot.left, panelRegion(shot.drawing, centre, fov, extent));
    CHECK(m.lightPixels == 0); // no white text shows through
    CHECK(int(m.darkest.r) > 2 * int(m.darkest.g)); // all red
}

TEST_CASE("body text at 1 m on a Quest 3 eye picture has an x at least 10 pixels tall", "[panel][render][legibility]") {
    // Meta Quest 3: 2064 x 2208 pixels per eye (its recommended size); Meta gives 110
    // degrees across and 96 degrees up and down for the headset. We state the left eye
    // as 55 degrees outwards, 41 inwards (the overlap), 48 up and 48 down; the x sits at
    // the centre of the picture's pixel spacing, as text one looks at does.
    const VkExtent2D extent{2064, 2208};
    const Fov fov{glm::radians(-55.0f), glm::radians(41.0f), glm::radians(48.0f), glm::radians(-48.0f)};
    ui::PanelContent content;
    content.bodyKey = "t.x";
    // Straight ahead of the eye, 1 m away, sized for reading at 1 m (body em 28 dmm).
    const glm::vec3 centre(0, 0, -1.0f);
    const PanelShot shot =
        shoot(wallBehind(), content, Pose{glm::quat(1, 0, 0, 0), centre}, fov, extent, VK_SAMPLE_COUNT_4_BIT, 1.0f);
    const Region region = panelRegion(shot.drawing, centre, fov, extent);
    const Measured m = measure(shot.left, region);
    const int height = m.inkBottom - m.inkTop + 1;
    INFO("x ink from row " << m.inkTop << " to " << m.inkBottom << ": " << height << " pixels; contrast "
                           << ui::contrastRatio(m.darkest, m.lightest));
    Rgba8Image crop(region.x1 - region.x0, region.y1 - region.y0);
    for (int y = 0; y < crop.height; ++y)
        for (int x = 0; x < crop.width; ++x)
            std::copy_n(shot.left.at(region.x0 + x, region.y0 + y), 4, crop.at(x, y));
    writePng(testing::testOutputDirectory() / "panel_quest3_x.png", crop);
    CHECK(height >= 10);
    CHECK(ui::contrastRatio(m.darkest, m.lightest) >= ui::kMinimumTextContrast);
}

TEST_CASE("a panel drawn as a picture of its own (a quad layer's image) fills it, words at 7:1", "[panel][render]") {
    static ui::FontFace font;
    static ui::SdfGlyphs glyphs(font);
    ui::PanelContent content;
    content.titleKey = "t.title";
    content.bodyKey = "t.body";
    const ui::PanelDrawing drawing = ui::layoutPanel(content, {}, testTexts(), ui::Language::French, glyphs);
    const VkExtent2D extent{std::uint32_t(std::lround(drawing.size.x * 1000)),
                            std::uint32_t(std::lround(drawing.size.y * 1000))};
    gpu::GpuContext& context = testing::sharedGpu();
    gpu::ImageDescription description;
    description.format = VK_FORMAT_R8G8B8A8_SRGB; // as a runtime's quad swapchain
    description.extent = extent;
    description.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    const gpu::GpuImage image = gpu::createImage(context, description);
    context.submitAndWait([&](VkCommandBuffer commands) {
        gpu::transition(commands, {image.get(), {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1}, VK_IMAGE_LAYOUT_UNDEFINED,
                                   VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
                                   VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_NONE});
    });
    const scene::Scene wall = wallBehind();
    render::StereoRenderer renderer(context, wall, {{64, 64}, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false});
    renderer.setPanels(glyphs, {}, {drawing});
    render::FrameDestination destination;
    destination.panelImages.push_back(
        {image.get(), image.view.get(), description.format, extent, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL});
    renderer.renderFrame(render::stereoCameraFromHead(Pose{}, 0.06f, symmetricFov(1.5f, 1.0f), 0.05f, 50.0f),
                         destination);

    const gpu::GpuBuffer readback = gpu::createBuffer(context, VkDeviceSize(extent.width) * extent.height * 4,
                                                      VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUse::Readback);
    context.submitAndWait([&](VkCommandBuffer commands) {
        gpu::transition(commands, {image.get(), {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1},
                                   VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                                   VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_WRITE_BIT,
                                   VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {extent.width, extent.height, 1};
        vkCmdCopyImageToBuffer(commands, image.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &region);
        gpu::memoryBarrier(commands, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                           VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    Rgba8Image picture(int(extent.width), int(extent.height));
    std::memcpy(picture.pixels.data(), readback.mapped(), picture.pixels.size());
    writePng(testing::testOutputDirectory() / "panel_picture.png", picture);
    // Every corner is the panel's background (it fills the image), and the words reach 7:1.
    const ui::PanelLook look;
    for (const auto& [x, y] : {std::pair{0, 0}, {picture.width - 1, 0}, {0, picture.height - 1},
                               {picture.width - 1, picture.height - 1}}) {
        const std::uint8_t* p = picture.at(x, y);
        CHECK(std::abs(int(p[0]) - int(look.background.r)) <= 1);
        CHECK(std::abs(int(p[2]) - int(look.background.b)) <= 1);
    }
    const Measured m = measure(picture, {0, 0, picture.width, picture.height});
    CHECK(ui::contrastRatio(m.darkest, m.lightest) >= ui::kMinimumTextContrast);
    CHECK(m.lightPixels > 2000);
}

TEST_CASE("a panel shows its picture, the right way round, under its title", "[panel][render][picture]") {
    // A picture that says which way it is: red on its left half, blue on its right,
    // a white top row.
    Rgba8Image pixels(64, 32);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) {
            std::uint8_t* p = pixels.at(x, y);
            const bool top = y < 4;
            p[0] = top || x < 32 ? 255 : 0;
            p[1] = top ? 255 : 0;
            p[2] = top || x >= 32 ? 255 : 0;
            p[3] = 255;
        }
    const auto file = testing::testOutputDirectory() / "panel_picture_source.png";
    writePng(file, pixels);
    const VkExtent2D extent{480, 360};
    const Fov fov = symmetricFov(glm::radians(70.0f), 480.0f / 360.0f);
    ui::PanelContent content;
    content.titleKey = "t.title";
    content.picture = ui::PanelPicture{file, 64, 32};
    const glm::vec3 centre(0, 0, -1.5f);
    const PanelShot shot = shoot(wallBehind(), content, Pose{glm::quat(1, 0, 0, 0), centre}, fov, extent);
    writePng(testing::testOutputDirectory() / "panel_with_picture.png", shot.left);
    const ui::PanelQuad* picture = nullptr;
    for (const ui::PanelQuad& quad : shot.drawing.quads)
        if (quad.picture) picture = &quad;
    REQUIRE(picture);
    CHECK((picture->max.x - picture->min.x) / (picture->max.y - picture->min.y) == Approx(2.0f));
    // Where a point of the panel (metres from its top-left) lands in the picture.
    auto pixelAt = [&](float x, float y) {
        const glm::vec3 world = centre + glm::vec3(x - shot.drawing.size.x / 2, shot.drawing.size.y / 2 - y, 0);
        const glm::dvec2 pixel = pixelOf(world, fov, extent);
        return shot.left.at(int(pixel.x), int(pixel.y));
    };
    const float middle = (picture->min.y + picture->max.y) * 0.5f;
    const std::uint8_t* left = pixelAt(picture->min.x + 0.25f * (picture->max.x - picture->min.x), middle);
    const std::uint8_t* right = pixelAt(picture->min.x + 0.75f * (picture->max.x - picture->min.x), middle);
    const std::uint8_t* top = pixelAt((picture->min.x + picture->max.x) * 0.5f, picture->min.y + 0.01f);
    INFO("left " << int(left[0]) << "," << int(left[1]) << "," << int(left[2]) << "; right " << int(right[0]) << ","
                 << int(right[1]) << "," << int(right[2]) << "; top " << int(top[0]) << "," << int(top[1]) << ","
                 << int(top[2]));
    CHECK((left[0] > 200 && left[2] < 60));   // red on the left
    CHECK((right[2] > 200 && right[0] < 60)); // blue on the right
    CHECK((top[0] > 200 && top[1] > 200 && top[2] > 200)); // white at the top: not upside down
}

TEST_CASE("a panel's picture that cannot be read is named", "[panel][render][picture]") {
    static ui::FontFace font;
    static ui::SdfGlyphs glyphs(font);
    ui::PanelContent content;
    content.picture = ui::PanelPicture{"/nonexistent/job.png", 4, 3};
    const ui::PanelDrawing drawing = ui::layoutPanel(content, {}, testTexts(), ui::Language::French, glyphs);
    const scene::Scene wall = wallBehind();
    render::StereoRenderer renderer(testing::sharedGpu(), wall, {{64, 64}, VK_SAMPLE_COUNT_1_BIT, std::nullopt, false});
    CHECK_THROWS_WITH(renderer.setPanels(glyphs, {{Pose{}, drawing}}), Catch::Contains("/nonexistent/job.png"));
}
