// The generated demo site geometry: a small production cell (conveyor, a cobot in its
// marked zone, workbench, pallets, a fence, a control cabinet) on a tiled floor,
// coloured by vertex colours. It is what `usine render` shows on a fresh machine and the
// vertex-coloured golden of the tests.
#pragma once

#include "gltf_writer.h"

namespace usine::tools {

void buildFactoryCell(GltfWriter& writer);

} // namespace usine::tools
