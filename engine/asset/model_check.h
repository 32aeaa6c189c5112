// The last gate before the GPU: every index in range, every number finite, every
// reference valid, every count within model_limits.h. Runs on every model whatever
// its source (importer, cooked pack, code), because imported data is untrusted.
#pragma once

#include "scene/model.h"

#include <string>
#include <vector>

namespace usine::asset {

// Every problem found, in plain words naming the mesh and the element; empty when valid.
std::vector<std::string> findModelProblems(const scene::Model& model);

// Throws UserError "<file>: <first problem> (and N more problems)" when invalid.
void requireValidModel(const scene::Model& model);

} // namespace usine::asset
