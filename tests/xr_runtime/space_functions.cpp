// Space entry points: reference spaces (STAGE can be switched off by the no-stage
// fault), its bounds, action spaces, xrLocateSpace and xrDestroySpace.
#include "api_guard.h"
#include "function_table.h"
#include "object_registry.h"
#include "pose_math.h"
#include "space_poses.h"

#include <algorithm>

namespace usine::test_runtime {
namespace {

constexpr float kStageSide = 3.0f; // metres: a 3 x 3 m play area

std::vector<XrReferenceSpaceType> referenceSpaceTypes() {
    std::vector<XrReferenceSpaceType> types = {XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL};
    if (!currentRun().script.faults.noStage) types.push_back(XR_REFERENCE_SPACE_TYPE_STAGE);
    return types;
}

bool supported(XrReferenceSpaceType type) {
    const auto types = referenceSpaceTypes();
    return std::find(types.begin(), types.end(), type) != types.end();
}

XrSpace addSpace(Session& session, std::unique_ptr<Space> space) {
    space->id = objects().newId();
    space->session = &session;
    Space* added = objects().spaces.add(std::move(space));
    ++currentRun().report.spacesCreated;
    session.spaces.push_back(added);
    return toHandle<XrSpace>(added->id);
}

XRAPI_ATTR XrResult XRAPI_CALL xrEnumerateReferenceSpaces(XrSession handle, std::uint32_t capacity,
                                                          std::uint32_t* countOutput, XrReferenceSpaceType* spaces) {
    return guarded("xrEnumerateReferenceSpaces", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        return writeArray(capacity, countOutput, spaces, referenceSpaceTypes());
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateReferenceSpace(XrSession handle, const XrReferenceSpaceCreateInfo* info,
                                                      XrSpace* out) {
    return guarded("xrCreateReferenceSpace", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_REFERENCE_SPACE_CREATE_INFO) || !out)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateReferenceSpace: bad create info");
        if (!supported(info->referenceSpaceType)) return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
        if (!isValidPose(info->poseInReferenceSpace))
            return misuse(XR_ERROR_POSE_INVALID, "xrCreateReferenceSpace: poseInReferenceSpace is not a unit pose");
        auto space = std::make_unique<Space>();
        space->referenceType = info->referenceSpaceType;
        space->offset = info->poseInReferenceSpace;
        *out = addSpace(*session, std::move(space));
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrGetReferenceSpaceBoundsRect(XrSession handle, XrReferenceSpaceType type,
                                                             XrExtent2Df* bounds) {
    return guarded("xrGetReferenceSpaceBoundsRect", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!bounds) return misuse(XR_ERROR_VALIDATION_FAILURE, "xrGetReferenceSpaceBoundsRect: null bounds");
        if (!supported(type)) return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
        if (type != XR_REFERENCE_SPACE_TYPE_STAGE) {
            *bounds = XrExtent2Df{0, 0};
            return XR_SPACE_BOUNDS_UNAVAILABLE; // a success code: only STAGE has bounds
        }
        *bounds = XrExtent2Df{kStageSide, kStageSide};
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrCreateActionSpace(XrSession handle, const XrActionSpaceCreateInfo* info, XrSpace* out) {
    return guarded("xrCreateActionSpace", [&]() -> XrResult {
        Session* session = nullptr;
        if (const XrResult result = findSession(handle, session); XR_FAILED(result)) return result;
        if (!hasType(info, XR_TYPE_ACTION_SPACE_CREATE_INFO) || !out)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateActionSpace: bad create info");
        Action* action = nullptr;
        if (const XrResult result = findAction(info->action, action); XR_FAILED(result)) return result;
        if (action->set->instance != session->instance)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrCreateActionSpace: action of another instance");
        if (action->type != XR_ACTION_TYPE_POSE_INPUT)
            return misuse(XR_ERROR_ACTION_TYPE_MISMATCH, "xrCreateActionSpace: '" + action->name + "' is not a pose action");
        if (info->subactionPath != XR_NULL_PATH) {
            if (!session->instance->paths.text(info->subactionPath))
                return misuse(XR_ERROR_PATH_INVALID, "xrCreateActionSpace: unknown subaction path");
            const auto& paths = action->subactionPaths;
            if (std::find(paths.begin(), paths.end(), info->subactionPath) == paths.end())
                return misuse(XR_ERROR_PATH_UNSUPPORTED,
                              "xrCreateActionSpace: subaction path not declared by '" + action->name + "'");
        }
        if (!isValidPose(info->poseInActionSpace))
            return misuse(XR_ERROR_POSE_INVALID, "xrCreateActionSpace: poseInActionSpace is not a unit pose");
        auto space = std::make_unique<Space>();
        space->isAction = true;
        space->actionId = action->id;
        space->subactionPath = info->subactionPath;
        space->offset = info->poseInActionSpace;
        *out = addSpace(*session, std::move(space));
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrLocateSpace(XrSpace spaceHandle, XrSpace baseHandle, XrTime time,
                                             XrSpaceLocation* location) {
    return guarded("xrLocateSpace", [&]() -> XrResult {
        Space* space = nullptr;
        Space* base = nullptr;
        if (const XrResult result = findSpace(spaceHandle, space); XR_FAILED(result)) return result;
        if (const XrResult result = findSpace(baseHandle, base); XR_FAILED(result)) return result;
        if (!hasType(location, XR_TYPE_SPACE_LOCATION))
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrLocateSpace: bad location struct");
        if (space->session != base->session)
            return misuse(XR_ERROR_VALIDATION_FAILURE, "xrLocateSpace: spaces of two sessions");
        if (time <= 0) return misuse(XR_ERROR_TIME_INVALID, "xrLocateSpace: time <= 0");
        for (auto* chained = static_cast<XrBaseOutStructure*>(location->next); chained; chained = chained->next)
            if (chained->type == XR_TYPE_SPACE_VELOCITY)
                reinterpret_cast<XrSpaceVelocity*>(chained)->velocityFlags = 0; // velocities are not simulated

        const double frame = currentRun().frameAt(time);
        const auto where = spaceInStage(*space->session, *space, frame);
        const auto from = spaceInStage(*base->session, *base, frame);
        if (!where || !from) {
            location->locationFlags = 0;
            location->pose = identityPose();
            return XR_SUCCESS;
        }
        location->pose = compose(inverse(*from), *where);
        location->locationFlags = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                                  XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT;
        return XR_SUCCESS;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL xrDestroySpace(XrSpace handle) {
    return guarded("xrDestroySpace", [&]() -> XrResult {
        Space* space = objects().spaces.find(handle);
        if (!space) return XR_ERROR_HANDLE_INVALID;
        destroySpace(space);
        ++currentRun().report.spacesDestroyed;
        return XR_SUCCESS;
    });
}

} // namespace

std::vector<RuntimeFunction> spaceFunctions() {
    return {
        {"xrEnumerateReferenceSpaces", asVoidFunction(&xrEnumerateReferenceSpaces)},
        {"xrCreateReferenceSpace", asVoidFunction(&xrCreateReferenceSpace)},
        {"xrGetReferenceSpaceBoundsRect", asVoidFunction(&xrGetReferenceSpaceBoundsRect)},
        {"xrCreateActionSpace", asVoidFunction(&xrCreateActionSpace)},
        {"xrLocateSpace", asVoidFunction(&xrLocateSpace)},
        {"xrDestroySpace", asVoidFunction(&xrDestroySpace)},
    };
}

} // namespace usine::test_runtime
