// Reads the test script. The format, one statement a line ('#' starts a comment, blank
// lines are ignored, words are separated by spaces):
//
//   resolution W H                  recommended image size per eye (default 512 512)
//   refresh-rate HZ                 the fake display clock (default 90)
//   ipd METRES                      distance between the eyes (default 0.064)
//   fov left|right L R U D          angleLeft angleRight angleUp angleDown, in radians
//                                   (default left -0.82 0.70 0.76 -0.80, right mirrored)
//   profile NAME                    the controllers' interaction profile, e.g.
//                                   oculus/touch_controller (default khr/simple_controller)
//   end-after-frames N              once N frames have been submitted, the runtime ends
//                                   the session itself (STOPPING, then EXITING)
//   max-layers N                    maxLayerCount, 1 to 16 (default 16)
//   capture N                       write captureN-eye0.png and -eye1.png at frame N
//                                   (and captureN-quad0.png when a quad layer is shown)
//   recentre N                      LOCAL space moves to the head at frame N (the
//                                   reference-space change is announced 3 frames before)
//   frame N head X Y Z [yaw D] [pitch D] [roll D]
//   frame N head untracked          the headset loses tracking (until its next pose)
//   frame N hand left|right grip X Y Z [yaw D] [pitch D] [roll D] [aim-pitch D]
//   frame N hand left|right untracked
//   frame N input PATH VALUE        e.g. /user/hand/right/input/trigger/value 1
//   frame N input PATH X Y          2-axis components (.../thumbstick, .../trackpad)
//   fault no-headset-seconds S      xrGetSystem answers FORM_FACTOR_UNAVAILABLE for S s
//   fault ready-after-seconds S     a new session stays IDLE for S s before READY
//   fault session-loss-at-frame N   LOSS_PENDING at frame N, then XR_ERROR_SESSION_LOST
//   fault instance-loss-at-frame N  XrEventDataInstanceLossPending, then INSTANCE_LOST
//   fault refuse-instance [COUNT]   xrCreateInstance fails with XR_ERROR_RUNTIME_FAILURE
//                                   (the first COUNT times; always without COUNT)
//   fault no-stage | no-array-swapchains | no-vulkan-enable2 | no-depth-extension
//   fault fail FUNCTION [at N]      FUNCTION answers XR_ERROR_RUNTIME_FAILURE at its N-th
//                                   call (from 1), or at every call
//   fault stall FUNCTION SECONDS    every call of FUNCTION first waits SECONDS (a hang)
//
// Positions are metres in STAGE space (floor at y = 0, -Z forward); head and hand angles
// are degrees. Frame N is the N-th xrWaitFrame of the process (all sessions counted).
#include "script.h"

#include "interaction_profiles.h"
#include "pose_math.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace usine::test_runtime {
namespace {

// Thrown inside the parser only; parseScript turns it into ScriptParse::error.
struct LineError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Words {
public:
    explicit Words(const std::string& line) {
        std::istringstream stream(line);
        for (std::string word; stream >> word;) words_.push_back(word);
    }
    bool done() const { return next_ >= words_.size(); }
    std::string peek() const { return done() ? std::string() : words_[next_]; }
    std::string word(const char* what) {
        if (done()) throw LineError(std::string("missing ") + what);
        return words_[next_++];
    }
    double number(const char* what) {
        const std::string text = word(what);
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
            throw LineError(std::string(what) + " must be a number, not '" + text + "'");
        return value;
    }
    std::int64_t count(const char* what) {
        const std::string text = word(what);
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < 0)
            throw LineError(std::string(what) + " must be a whole number >= 0, not '" + text + "'");
        return value;
    }
    void finish() const {
        if (!done()) throw LineError("unexpected '" + words_[next_] + "'");
    }

private:
    std::vector<std::string> words_;
    std::size_t next_ = 0;
};

Hand handWord(Words& words) {
    const std::string side = words.word("left or right");
    if (side == "left") return kLeft;
    if (side == "right") return kRight;
    throw LineError("expected left or right, not '" + side + "'");
}

// X Y Z then optional "yaw D", "pitch D", "roll D" (and "aim-pitch D" for hands).
XrPosef poseWords(Words& words, float* aimPitch) {
    XrPosef pose = identityPose();
    pose.position.x = float(words.number("x"));
    pose.position.y = float(words.number("y"));
    pose.position.z = float(words.number("z"));
    float yaw = 0, pitch = 0, roll = 0;
    while (!words.done()) {
        const std::string key = words.word("angle");
        if (key == "yaw") yaw = float(words.number("yaw"));
        else if (key == "pitch") pitch = float(words.number("pitch"));
        else if (key == "roll") roll = float(words.number("roll"));
        else if (key == "aim-pitch" && aimPitch) *aimPitch = float(words.number("aim-pitch"));
        else throw LineError("unknown angle '" + key + "'" + (aimPitch ? " (yaw, pitch, roll, aim-pitch)" : " (yaw, pitch, roll)"));
    }
    pose.orientation = fromYawPitchRollDegrees(yaw, pitch, roll);
    return pose;
}

bool isTwoAxisPath(const std::string& path) {
    auto endsWith = [&](std::string_view tail) {
        return path.size() >= tail.size() && std::string_view(path).substr(path.size() - tail.size()) == tail;
    };
    return endsWith("/thumbstick") || endsWith("/trackpad");
}

void frameStatement(Words& words, Script& script) {
    const std::int64_t frame = words.count("frame number");
    const std::string what = words.word("head, hand or input");
    if (what == "head") {
        if (words.peek() == "untracked") {
            words.word("untracked");
            script.head.push_back(HeadKey{frame, false, identityPose()});
        } else {
            script.head.push_back(HeadKey{frame, true, poseWords(words, nullptr)});
        }
    } else if (what == "hand") {
        const Hand hand = handWord(words);
        HandKey key;
        key.frame = frame;
        const std::string kind = words.word("grip or untracked");
        if (kind == "untracked") {
            key.tracked = false;
        } else if (kind == "grip") {
            key.grip = poseWords(words, &key.aimPitchDegrees);
        } else {
            throw LineError("expected grip or untracked, not '" + kind + "'");
        }
        script.hands[hand].push_back(key);
    } else if (what == "input") {
        const std::string path = words.word("component path");
        if (path.rfind("/user/", 0) != 0 || path.find("/input/") == std::string::npos)
            throw LineError("'" + path + "' is not an input component path (/user/hand/right/input/trigger/value)");
        InputKey key;
        key.frame = frame;
        key.value[0] = float(words.number("value"));
        if (isTwoAxisPath(path)) key.value[1] = float(words.number("second (y) value"));
        script.inputs[path].push_back(key);
    } else {
        throw LineError("expected head, hand or input after the frame number, not '" + what + "'");
    }
    words.finish();
}

void faultStatement(Words& words, Faults& faults) {
    const std::string name = words.word("fault name");
    if (name == "no-headset-seconds") faults.noHeadsetSeconds = words.number("seconds");
    else if (name == "ready-after-seconds") faults.readyAfterSeconds = words.number("seconds");
    else if (name == "session-loss-at-frame") faults.sessionLossAtFrame = words.count("frame");
    else if (name == "instance-loss-at-frame") faults.instanceLossAtFrame = words.count("frame");
    else if (name == "refuse-instance") faults.refuseInstances = words.done() ? -1 : int(words.count("count"));
    else if (name == "no-stage") faults.noStage = true;
    else if (name == "no-array-swapchains") faults.noArraySwapchains = true;
    else if (name == "no-vulkan-enable2") faults.noVulkanEnable2 = true;
    else if (name == "no-depth-extension") faults.noDepthExtension = true;
    else if (name == "fail") {
        InjectedFailure failure;
        failure.function = words.word("an OpenXR function name");
        if (failure.function.rfind("xr", 0) != 0 || failure.function.size() < 3)
            throw LineError("fail wants an OpenXR function name such as xrCreateSession, not '" + failure.function + "'");
        if (!words.done()) {
            const std::string at = words.word("at");
            if (at != "at" && at != "AT") throw LineError("expected 'at N' after the function name, not '" + at + "'");
            failure.atCall = words.count("call number");
            if (*failure.atCall < 1) throw LineError("calls are counted from 1");
        }
        faults.failures.push_back(failure);
    } else if (name == "stall") {
        InjectedStall stall;
        stall.function = words.word("an OpenXR function name");
        if (stall.function.rfind("xr", 0) != 0 || stall.function.size() < 3)
            throw LineError("stall wants an OpenXR function name such as xrEndSession, not '" + stall.function + "'");
        stall.seconds = words.number("seconds");
        if (stall.seconds < 0 || stall.seconds > 3600) throw LineError("stall wants 0 to 3600 seconds");
        faults.stalls.push_back(stall);
    }
    else throw LineError("unknown fault '" + name + "'");
    words.finish();
}

void statement(Words& words, Script& script) {
    const std::string keyword = words.word("statement");
    if (keyword == "frame") return frameStatement(words, script);
    if (keyword == "fault") return faultStatement(words, script.faults);
    if (keyword == "resolution") {
        const std::int64_t width = words.count("width"), height = words.count("height");
        if (width < 16 || height < 16 || width > 8192 || height > 8192)
            throw LineError("resolution must be between 16 and 8192 pixels a side");
        script.width = std::uint32_t(width);
        script.height = std::uint32_t(height);
    } else if (keyword == "refresh-rate") {
        script.refreshHz = words.number("rate in Hz");
        if (script.refreshHz < 1 || script.refreshHz > 1000) throw LineError("refresh-rate must be 1 to 1000 Hz");
    } else if (keyword == "ipd") {
        script.ipd = float(words.number("ipd in metres"));
        if (script.ipd < 0 || script.ipd > 0.5f) throw LineError("ipd must be 0 to 0.5 m");
    } else if (keyword == "fov") {
        const Hand eye = handWord(words);
        XrFovf fov;
        fov.angleLeft = float(words.number("angleLeft"));
        fov.angleRight = float(words.number("angleRight"));
        fov.angleUp = float(words.number("angleUp"));
        fov.angleDown = float(words.number("angleDown"));
        if (!(fov.angleLeft < fov.angleRight && fov.angleDown < fov.angleUp) || std::fabs(fov.angleLeft) >= 1.57f ||
            std::fabs(fov.angleRight) >= 1.57f || std::fabs(fov.angleUp) >= 1.57f || std::fabs(fov.angleDown) >= 1.57f)
            throw LineError("fov needs left < right and down < up, each within +-1.57 rad");
        script.fov[eye] = fov;
    } else if (keyword == "profile") {
        std::string name = words.word("profile name");
        if (name.rfind("/interaction_profiles/", 0) != 0) name = "/interaction_profiles/" + name;
        if (!findProfile(name)) throw LineError("unknown interaction profile '" + name + "'");
        script.profile = name;
    } else if (keyword == "max-layers") {
        const auto count = words.count("layer count");
        if (count < 1 || count > 16) throw LineError("max-layers must be 1 to 16");
        script.maxLayers = std::uint32_t(count);
    } else if (keyword == "end-after-frames") {
        script.endAfterFrames = words.count("frame count");
    } else if (keyword == "capture") {
        script.captures.push_back(words.count("frame"));
    } else if (keyword == "recentre") {
        script.recentres.push_back(words.count("frame"));
    } else {
        throw LineError("unknown statement '" + keyword + "'");
    }
    words.finish();
}

template <typename Key> void sortByFrame(std::vector<Key>& keys) {
    // Stable: of two keys for one frame, the later line wins (it comes last).
    std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.frame < b.frame; });
}

} // namespace

ScriptParse parseScript(std::string_view text, const std::string& sourceName) {
    Script script;
    std::istringstream lines{std::string(text)};
    int lineNumber = 0;
    for (std::string line; std::getline(lines, line);) {
        ++lineNumber;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        Words words(line);
        if (words.done()) continue;
        try {
            statement(words, script);
        } catch (const LineError& error) {
            return ScriptParse{std::nullopt, sourceName + ":" + std::to_string(lineNumber) + ": " + error.what()};
        }
    }
    sortByFrame(script.head);
    for (auto& keys : script.hands) sortByFrame(keys);
    for (auto& [path, keys] : script.inputs) sortByFrame(keys);
    std::sort(script.captures.begin(), script.captures.end());
    return ScriptParse{std::move(script), {}};
}

} // namespace usine::test_runtime
