// Reading the environment the way loaders do: VK_INSTANCE_LAYERS, XR_ENABLE_API_LAYERS
// and the like are lists separated by ':' (Linux).
#pragma once

#include <string_view>

namespace usine {

// Whether the environment variable `variable` lists `name` (a whole item of the list).
bool environmentListHas(const char* variable, std::string_view name);

} // namespace usine
