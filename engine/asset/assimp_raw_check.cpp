// Raw Assimp scene checks (see assimp_raw_check.h).
#include "asset/assimp_raw_check.h"

#include "asset/model_limits.h"
#include "core/text.h"

#include <assimp/scene.h>
#include <cmath>

namespace usine::asset {
namespace {

bool finite(const aiVector3D& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

void checkMesh(const aiScene& scene, unsigned index, std::vector<std::string>& problems) {
    const aiMesh& mesh = *scene.mMeshes[index];
    const std::string who = concat("mesh '", mesh.mName.C_Str(), "'");
    if (mesh.mNumVertices > kMaxVerticesPerPrimitive) {
        problems.push_back(concat(who, " has ", mesh.mNumVertices, " vertices; the limit is ", kMaxVerticesPerPrimitive));
        return;
    }
    if (!mesh.mVertices && mesh.mNumVertices > 0) {
        problems.push_back(concat(who, " has no vertex positions"));
        return;
    }
    if (mesh.mMaterialIndex >= scene.mNumMaterials)
        problems.push_back(concat(who, " uses material ", mesh.mMaterialIndex, " but the file has ", scene.mNumMaterials));
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
        const aiFace& face = mesh.mFaces[f];
        for (unsigned k = 0; k < face.mNumIndices; ++k) {
            if (face.mIndices[k] >= mesh.mNumVertices) {
                problems.push_back(concat(who, ": face ", f, " uses vertex ", face.mIndices[k],
                                          " but the mesh has only ", mesh.mNumVertices, " vertices"));
                return; // one is enough to refuse the file; the rest would be noise
            }
        }
    }
    for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
        if (!finite(mesh.mVertices[v])) {
            problems.push_back(concat(who, ": vertex ", v, " has a NaN or infinite position"));
            return;
        }
    }
}

} // namespace

std::vector<std::string> findRawSceneProblems(const aiScene& scene) {
    std::vector<std::string> problems;
    for (unsigned i = 0; i < scene.mNumMeshes; ++i) checkMesh(scene, i, problems);
    return problems;
}

} // namespace usine::asset
