// A session's input side: the actions attached to it with their bindings resolved for
// every profile, the values the last xrSyncActions computed, and the interaction
// profile the simulated controllers present.
#pragma once

#include "interaction_profiles.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace usine::test_runtime {

struct ActionStateValue {
    bool isActive = false;
    float x = 0; // booleans as 0 or 1
    float y = 0;
    bool changed = false;
    XrTime lastChangeTime = 0;
};

struct AttachedAction {
    std::uint64_t id = 0;
    std::uint64_t setId = 0;
    XrActionType type = XR_ACTION_TYPE_BOOLEAN_INPUT;
    std::string name;
    std::vector<XrPath> subactionPaths;
    std::map<XrPath, Hand> handOfSubaction; // the subaction paths that are hands
    std::map<std::string, std::vector<BoundSource>> sources; // by profile path
    std::map<XrPath, ActionStateValue> values;               // by subaction filter; XR_NULL_PATH: all
};

struct SessionInput {
    bool attached = false;
    std::vector<std::uint64_t> attachedSets;
    std::map<std::uint64_t, AttachedAction> actions;
    // The script's profile becomes current at the first xrSyncActions after attaching,
    // if the application suggested bindings for it; empty until then, or for ever.
    bool scriptProfileSuggested = false;
    std::string currentProfile;
    // Sets made active by the last xrSyncActions, with the hands each covers.
    std::map<std::uint64_t, std::vector<Hand>> activeSets;
    bool focusedAtLastSync = false;
    std::map<std::string, bool> pressed; // float -> boolean hysteresis, by action and source
};

} // namespace usine::test_runtime
