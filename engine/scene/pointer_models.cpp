// Controller and laser geometry.
#include "scene/pointer_models.h"

namespace usine::scene {
namespace {

// An axis-aligned box between two corners, one colour, flat normals.
scene::Primitive box(const glm::vec3& lo, const glm::vec3& hi) {
    scene::Primitive primitive;
    primitive.name = "box";
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    const glm::vec3 centre = (lo + hi) * 0.5f, half = (hi - lo) * 0.5f;
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = static_cast<std::uint32_t>(primitive.vertices.size());
        for (const glm::vec2& c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)})
            primitive.vertices.push_back({centre + (n + u * c.x + v * c.y) * half, n, {0, 0}, 0xffffffffu});
        primitive.indices.insert(primitive.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    return primitive;
}

std::shared_ptr<const scene::Model> singleBox(const char* name, const glm::vec3& lo, const glm::vec3& hi,
                                              const scene::Material& material) {
    auto model = std::make_shared<scene::Model>();
    model->sourceName = name;
    model->primitives.push_back(box(lo, hi));
    model->meshes.push_back({name, {0}});
    model->materials.push_back(material);
    model->nodes.push_back({name, -1, glm::mat4(1), 0});
    return model;
}

} // namespace

std::shared_ptr<const scene::Model> controllerModel() {
    scene::Material plastic{"controller", glm::vec4(0.05f, 0.05f, 0.06f, 1), 0.0f, 0.5f, glm::vec3(0), -1};
    return singleBox("controller", {-0.02f, -0.015f, -0.06f}, {0.02f, 0.015f, 0.06f}, plastic);
}

std::shared_ptr<const scene::Model> laserModel() {
    // Emissive, so it reads in any light; the colour of a safety laser pointer.
    scene::Material beam{"laser", glm::vec4(0, 0, 0, 1), 0.0f, 1.0f, glm::vec3(1.6f, 0.15f, 0.1f), -1};
    return singleBox("laser", {-0.0025f, -0.0025f, -1.0f}, {0.0025f, 0.0025f, 0.0f}, beam);
}

} // namespace usine::scene
