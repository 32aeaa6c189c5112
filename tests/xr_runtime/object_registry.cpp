// Handle lookups and cascading destruction (see object_registry.h).
#include "object_registry.h"

#include "test_run.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

template <typename T> void removeFrom(std::vector<T*>& list, T* item) {
    list.erase(std::remove(list.begin(), list.end(), item), list.end());
}

XrResult sessionUsable(const Session& session) {
    if (session.instance->loss == Loss::Lost) return XR_ERROR_INSTANCE_LOST;
    if (session.loss == Loss::Lost) return XR_ERROR_SESSION_LOST;
    return XR_SUCCESS;
}

} // namespace

RuntimeObjects& objects() {
    // Never destroyed (see test_run.cpp): a forgotten instance holds Vulkan objects of
    // a device that may be gone by the time static destructors run.
    static RuntimeObjects* all = new RuntimeObjects;
    return *all;
}

XrResult findInstance(XrInstance handle, Instance*& out) {
    out = objects().instances.find(handle);
    if (!out) return XR_ERROR_HANDLE_INVALID;
    return out->loss == Loss::Lost ? XR_ERROR_INSTANCE_LOST : XR_SUCCESS;
}

XrResult findSession(XrSession handle, Session*& out) {
    out = objects().sessions.find(handle);
    if (!out) return XR_ERROR_HANDLE_INVALID;
    return sessionUsable(*out);
}

XrResult findSpace(XrSpace handle, Space*& out) {
    out = objects().spaces.find(handle);
    if (!out) return XR_ERROR_HANDLE_INVALID;
    return sessionUsable(*out->session);
}

XrResult findSwapchain(XrSwapchain handle, Swapchain*& out) {
    out = objects().swapchains.find(handle);
    if (!out) return XR_ERROR_HANDLE_INVALID;
    return sessionUsable(*out->session);
}

XrResult findActionSet(XrActionSet handle, ActionSet*& out) {
    out = objects().actionSets.find(handle);
    if (!out) return XR_ERROR_HANDLE_INVALID;
    return out->instance->loss == Loss::Lost ? XR_ERROR_INSTANCE_LOST : XR_SUCCESS;
}

XrResult findAction(XrAction handle, Action*& out) {
    out = objects().actions.find(handle);
    if (!out) return XR_ERROR_HANDLE_INVALID;
    return out->set->instance->loss == Loss::Lost ? XR_ERROR_INSTANCE_LOST : XR_SUCCESS;
}

void destroySpace(Space* space) {
    removeFrom(space->session->spaces, space);
    objects().spaces.erase(space->id);
}

void destroySwapchain(Swapchain* swapchain) {
    removeFrom(swapchain->session->swapchains, swapchain);
    objects().swapchains.erase(swapchain->id); // SwapchainImages waits for the GPU first
}

void destroySession(Session* session) {
    while (!session->spaces.empty()) destroySpace(session->spaces.back());
    while (!session->swapchains.empty()) destroySwapchain(session->swapchains.back());
    TestRun& run = currentRun();
    if (session->pictures.unsaved && !run.outputDirectory.empty()) session->pictures.write(run.outputDirectory, "");
    session->readback.reset();
    session->gpu.reset();
    session->instance->events.dropSession(session->handle());
    removeFrom(session->instance->sessions, session);
    objects().sessions.erase(session->id);
}

void destroyAction(Action* action) {
    removeFrom(action->set->actions, action);
    objects().actions.erase(action->id);
}

void destroyActionSet(ActionSet* set) {
    while (!set->actions.empty()) destroyAction(set->actions.back());
    removeFrom(set->instance->actionSets, set);
    objects().actionSets.erase(set->id);
}

void destroyInstance(Instance* instance) {
    while (!instance->sessions.empty()) destroySession(instance->sessions.back());
    while (!instance->actionSets.empty()) destroyActionSet(instance->actionSets.back());
    objects().instances.erase(instance->id);
}

} // namespace usine::test_runtime
