// Action sets and actions as the application created them. What a session does with
// them once attached (bindings, values) lives in session_input.h.
#pragma once

#include "xr_headers.h"

#include <cstdint>
#include <string>
#include <vector>

namespace usine::test_runtime {

struct Instance;
struct ActionSet;

struct Action {
    std::uint64_t id = 0; // the XrAction handle value
    ActionSet* set = nullptr;
    std::string name;
    std::string localizedName;
    XrActionType type = XR_ACTION_TYPE_BOOLEAN_INPUT;
    std::vector<XrPath> subactionPaths;
};

struct ActionSet {
    std::uint64_t id = 0; // the XrActionSet handle value
    Instance* instance = nullptr;
    std::string name;
    std::string localizedName;
    std::uint32_t priority = 0;
    bool attached = false; // to any session: from then on it cannot change
    std::vector<Action*> actions;
};

} // namespace usine::test_runtime
