// PNG files of the eye pictures (see eye_pictures.h), encoded by Debian's libstb.
#include "eye_pictures.h"

#include <stb_image_write.h>

#include <cstdio>
#include <system_error>

namespace usine::test_runtime {

void EyePictures::write(const std::filesystem::path& directory, const std::string& prefix) const {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    for (int eye = 0; eye < 3; ++eye) {
        const EyePicture& picture = eye < 2 ? latest[eye] : quad;
        if (picture.rgba.empty()) continue;
        // The display is opaque: alpha is made 255 so the file looks as the eye saw it.
        std::vector<std::uint8_t> opaque = picture.rgba;
        for (std::size_t i = 3; i < opaque.size(); i += 4) opaque[i] = 255;
        const std::filesystem::path path =
            directory / (prefix + (eye < 2 ? "eye" + std::to_string(eye) : std::string("quad0")) + ".png");
        if (!stbi_write_png(path.c_str(), int(picture.width), int(picture.height), 4, opaque.data(),
                            int(picture.width) * 4))
            std::fprintf(stderr, "[usine test runtime] cannot write %s\n", path.c_str());
    }
}

} // namespace usine::test_runtime
