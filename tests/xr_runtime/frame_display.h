// What the simulated display does with an accepted frame: reads the first projection
// layer's two colour views back, counts the pixels drawn in each eye, keeps the
// pictures for eye0/eye1.png, writes the captures the script asks for, and notes in
// the report what was submitted.
#pragma once

#include "frame_layers.h"

namespace usine::test_runtime {

void displayFrame(Session& session, const FrameCheck& frame, std::int64_t frameIndex);

} // namespace usine::test_runtime
