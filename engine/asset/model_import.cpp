// Isolated import: Assimp runs in the child, the Model travels back encoded.
#include "asset/model_import.h"

#include "asset/assimp_import.h"
#include "asset/detail_levels.h"
#include "asset/model_check.h"
#include "asset/model_codec.h"
#include "asset/reader_memory.h"
#include "core/isolated_call.h"

namespace usine::asset {

// Import produces the scene's types.
using namespace usine::scene;

Model importModel(const std::filesystem::path& path, const ImportOptions& options) {
    const IsolationLimits limits{options.timeLimit, readerMemoryAllowance(path)};
    // Levels of detail are built in the child too, once Assimp's scene is freed: they are
    // work on untrusted data, and the reader's memory allowance covers them.
    const std::vector<std::uint8_t> encoded = runIsolated(
        [&] {
            Model model = importWithAssimp(path);
            buildDetailLevels(model);
            return encodeModel(model);
        },
        limits, path.string());
    Model model = decodeModel(encoded, path.string());
    // Checked again on this side: the bytes crossed a process boundary.
    requireValidModel(model);
    return model;
}

} // namespace usine::asset
