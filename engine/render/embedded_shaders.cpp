// The compiled shaders, included as the C arrays glslc writes.
#include "render/embedded_shaders.h"

namespace usine::render::shaders {
namespace {
const std::uint32_t kMeshVertex[] =
#include "mesh.vert.inc"
    ;
const std::uint32_t kMeshFragment[] =
#include "mesh.frag.inc"
    ;
const std::uint32_t kMeshUntexturedVertex[] =
#include "mesh_untextured.vert.inc"
    ;
const std::uint32_t kMeshUntexturedFragment[] =
#include "mesh_untextured.frag.inc"
    ;
const std::uint32_t kShadowVertex[] =
#include "shadow.vert.inc"
    ;
const std::uint32_t kPanelVertex[] =
#include "panel.vert.inc"
    ;
const std::uint32_t kPanelFragment[] =
#include "panel.frag.inc"
    ;
} // namespace

std::span<const std::uint32_t> shadowVertex() { return kShadowVertex; }
std::span<const std::uint32_t> panelVertex() { return kPanelVertex; }
std::span<const std::uint32_t> panelFragment() { return kPanelFragment; }
std::span<const std::uint32_t> meshVertex() { return kMeshVertex; }
std::span<const std::uint32_t> meshFragment() { return kMeshFragment; }
std::span<const std::uint32_t> meshUntexturedVertex() { return kMeshUntexturedVertex; }
std::span<const std::uint32_t> meshUntexturedFragment() { return kMeshUntexturedFragment; }

} // namespace usine::render::shaders
