// A compact binary form of a Model: how an import travels from the isolated importer
// process to the program, and the base of cooked packs. Decoding checks every length
// against the bytes present, so a truncated or corrupt stream is an error, never an
// out-of-bounds read.
#pragma once

#include "scene/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace usine::asset {

std::vector<std::uint8_t> encodeModel(const scene::Model& model);
// Throws UserError naming `what` when the bytes are not a complete encoded model.
scene::Model decodeModel(std::span<const std::uint8_t> bytes, const std::string& what);

} // namespace usine::asset
