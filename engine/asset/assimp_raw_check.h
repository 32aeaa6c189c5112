// Checks Assimp's raw output *before* any post-processing step touches it: Assimp's own
// steps (triangulation, normal generation) index vertex arrays with the file's indices
// unchecked, so a file with indices out of range must be stopped here.
#pragma once

#include <string>
#include <vector>

struct aiScene;

namespace usine::asset {

std::vector<std::string> findRawSceneProblems(const aiScene& scene);

} // namespace usine::asset
