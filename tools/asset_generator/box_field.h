// A large generated model for memory and loading checks: a field of small boxes, in
// parts of 10,000 boxes each (a CAD export is many parts). About 1.1 kB of file per box,
// so 200,000 boxes make a 220 MB model.
#pragma once

#include "gltf_writer.h"

namespace usine::tools {

void buildBoxField(GltfWriter& writer, int boxes);

} // namespace usine::tools
