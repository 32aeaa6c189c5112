// Fuzz target: what the program does with a model that comes back from the isolated
// importer (or, later, from a cooked pack): decode the bytes, then validate every
// index, count and number before anything reaches the GPU. Hostile counts must never
// allocate past the bytes present; a model that passes validation must survive an
// encode/decode round trip unchanged.
#include "asset/model_check.h"
#include "asset/model_codec.h"
#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace usine::asset;
    using usine::scene::Model;
    Model model;
    try {
        model = decodeModel(std::span<const std::uint8_t>(data, size), "fuzz.model");
    } catch (const usine::UserError&) {
        return 0;
    }
    if (!findModelProblems(model).empty()) {
        try {
            requireValidModel(model);
        } catch (const usine::UserError&) {
            return 0;
        }
        std::abort(); // problems were found but the gate let the model through
    }
    const std::vector<std::uint8_t> encoded = encodeModel(model);
    const Model again = decodeModel(encoded, "fuzz.model (again)");
    if (encodeModel(again) != encoded) std::abort();
    if (!findModelProblems(again).empty()) std::abort();
    return 0;
}
