// Every live object of the runtime, found from its OpenXR handle. Handles are serial
// numbers that are never reused, so a stale or invented handle is answered with
// XR_ERROR_HANDLE_INVALID instead of reaching freed memory. Destroying an object
// destroys its children first, as the specification asks.
#pragma once

#include "actions.h"
#include "instance.h"
#include "session.h"
#include "space.h"
#include "swapchain.h"

#include <memory>
#include <unordered_map>

namespace usine::test_runtime {

template <typename Object> class HandleTable {
public:
    Object* add(std::unique_ptr<Object> object) {
        Object* raw = object.get();
        objects_.emplace(raw->id, std::move(object));
        return raw;
    }
    template <typename Handle> Object* find(Handle handle) const {
        const auto found = objects_.find(reinterpret_cast<std::uint64_t>(handle));
        return found == objects_.end() ? nullptr : found->second.get();
    }
    Object* findId(std::uint64_t id) const {
        const auto found = objects_.find(id);
        return found == objects_.end() ? nullptr : found->second.get();
    }
    void erase(std::uint64_t id) { objects_.erase(id); }
    bool empty() const { return objects_.empty(); }

private:
    std::unordered_map<std::uint64_t, std::unique_ptr<Object>> objects_;
};

struct RuntimeObjects {
    HandleTable<Instance> instances;
    HandleTable<Session> sessions;
    HandleTable<Space> spaces;
    HandleTable<Swapchain> swapchains;
    HandleTable<ActionSet> actionSets;
    HandleTable<Action> actions;
    std::uint64_t nextId = 0x100;
    std::uint64_t newId() { return nextId++; }
};

RuntimeObjects& objects();

template <typename Handle> Handle toHandle(std::uint64_t id) { return reinterpret_cast<Handle>(id); }

// Lookups that answer with the specification's errors: HANDLE_INVALID for unknown
// handles, INSTANCE_LOST / SESSION_LOST once the script's faults have struck.
XrResult findInstance(XrInstance handle, Instance*& out);
XrResult findSession(XrSession handle, Session*& out);
XrResult findSpace(XrSpace handle, Space*& out);
XrResult findSwapchain(XrSwapchain handle, Swapchain*& out);
XrResult findActionSet(XrActionSet handle, ActionSet*& out);
XrResult findAction(XrAction handle, Action*& out);

void destroyInstance(Instance* instance);
void destroySession(Session* session);
void destroySpace(Space* space);
void destroySwapchain(Swapchain* swapchain);
void destroyActionSet(ActionSet* set);
void destroyAction(Action* action);

} // namespace usine::test_runtime
