// Tour script parsing and interpolation.
#include "display/tour_script.h"

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace usine::display {
namespace {

// Limits that keep every value meaningful and every conversion defined.
constexpr double kLargest = 1e9;
constexpr double kFarthest = 100'000;      // metres from the origin
constexpr int kMaxFrames = 10'000'000;     // 38 hours at 72 fps

// 10000000 rather than 1e+07 in messages.
std::string plain(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
    return concat(value);
}

class LineReader {
public:
    LineReader(const std::vector<std::string>& words, const std::string& where) : words_(words), where_(where) {}

    [[noreturn]] void fail(const std::string& what) const { throw UserError(concat(where_, ": ", what)); }
    bool done() const { return next_ >= words_.size(); }
    std::string word(const char* expected) {
        if (done()) fail(concat("expected ", expected));
        return words_[next_++];
    }
    // A finite number in [minimum, maximum]: "nan", "inf" and 1e300 are mistakes, and
    // must not reach a conversion to int or float (undefined behaviour).
    double number(const char* expected, double minimum = -kLargest, double maximum = kLargest) {
        const std::string text = word(expected);
        auto value = parseDouble(text);
        if (!value || !std::isfinite(*value)) fail(concat("expected ", expected, ", not '", text, "'"));
        if (*value < minimum || *value > maximum)
            fail(concat("expected ", expected, " from ", plain(minimum), " to ", plain(maximum), ", not ", text));
        return *value;
    }
    int integer(const char* expected, int minimum, int maximum) {
        const double value = number(expected, minimum, maximum);
        if (value != std::floor(value)) fail(concat("expected ", expected, " as a whole number, not ", plain(value)));
        return static_cast<int>(value);
    }
    // Metres in tracking space: a site spans at most a few kilometres.
    glm::vec3 point(const char* expected) {
        const double x = number(expected, -kFarthest, kFarthest), y = number(expected, -kFarthest, kFarthest),
                     z = number(expected, -kFarthest, kFarthest);
        return glm::vec3(static_cast<float>(x), static_cast<float>(y), static_cast<float>(z));
    }
    void end() const {
        if (!done()) fail(concat("unexpected '", words_[next_], "'"));
    }

private:
    const std::vector<std::string>& words_;
    std::string where_;
    std::size_t next_ = 0;
};

Hand handFrom(LineReader& line) {
    const std::string hand = line.word("left or right");
    if (hand == "left") return Hand::Left;
    if (hand == "right") return Hand::Right;
    line.fail(concat("expected left or right, not '", hand, "'"));
}

Pose lookingAt(LineReader& line, const glm::vec3& from, const glm::vec3& target) {
    if (glm::length(target - from) < 1e-5f) line.fail("the look-at point is the position itself");
    return lookAt(from, target);
}

Pose interpolate(const std::vector<TourScript::PoseKey>& keys, int frame) {
    if (keys.empty()) return Pose{};
    if (frame <= keys.front().frame) return keys.front().pose;
    if (frame >= keys.back().frame) return keys.back().pose;
    auto after = std::upper_bound(keys.begin(), keys.end(), frame,
                                  [](int f, const TourScript::PoseKey& key) { return f < key.frame; });
    const auto before = std::prev(after);
    const float t = float(frame - before->frame) / float(after->frame - before->frame);
    return Pose{glm::slerp(before->pose.orientation, after->pose.orientation, t),
                glm::mix(before->pose.position, after->pose.position, t)};
}

} // namespace

Pose TourScript::headAt(int frame) const { return interpolate(head, frame); }

InputState TourScript::inputAt(int frame) const {
    InputState state;
    for (int h = 0; h < 2; ++h) {
        state.hands[h].tracked = !hands[h].empty();
        state.hands[h].grip = state.hands[h].aim = interpolate(hands[h], frame);
    }
    for (const InputChange& change : inputs) {
        if (change.frame > frame) break;
        HandInput& hand = state[change.hand];
        switch (change.what) {
        case InputChange::What::Select: hand.select = change.pressed; break;
        case InputChange::What::Menu: hand.menu = change.pressed; break;
        case InputChange::What::Stick:
            hand.stick = change.value;
            hand.turn = change.value.x; // one stick walks and turns, as on a headset's controller
            break;
        case InputChange::What::Grab: hand.grab = change.value.x; break;
        }
    }
    return state;
}

TourScript parseTourScript(const std::string& text, const std::string& fileName) {
    TourScript script;
    std::istringstream lines(text);
    std::string raw;
    int lineNumber = 0;
    while (std::getline(lines, raw)) {
        ++lineNumber;
        if (auto hash = raw.find('#'); hash != std::string::npos) raw.erase(hash);
        std::vector<std::string> words;
        std::istringstream split(raw);
        for (std::string word; split >> word;) words.push_back(word);
        if (words.empty()) continue;
        LineReader line(words, concat(fileName, ":", lineNumber));
        const std::string keyword = line.word("a keyword");
        if (keyword == "size") {
            script.width = static_cast<std::uint32_t>(line.integer("a width in pixels", 16, 8192));
            script.height = static_cast<std::uint32_t>(line.integer("a height in pixels", 16, 8192));
        } else if (keyword == "fov") {
            script.fovDegrees = static_cast<float>(line.number("degrees", 10, 170));
        } else if (keyword == "eye-distance") {
            script.eyeDistance = static_cast<float>(line.number("metres", 0, 1));
        } else if (keyword == "frames") {
            script.frames = line.integer("a frame count", 1, kMaxFrames);
        } else if (keyword == "fps") {
            script.fps = line.number("frames per second", 1, 1000);
        } else if (keyword == "save-every") {
            script.saveEvery = line.integer("a frame count", 1, kMaxFrames);
        } else if (keyword == "at") {
            const int frame = line.integer("a frame number", 0, kMaxFrames);
            const std::string what = line.word("head, hand, press, release, stick or grab");
            if (what == "head") {
                const glm::vec3 position = line.point("x y z");
                if (line.word("look") != "look") line.fail("expected 'look x y z'");
                const Pose pose = lookingAt(line, position, line.point("x y z"));
                if (!script.head.empty() && script.head.back().frame >= frame) line.fail("keyframes must go forward");
                script.head.push_back({frame, pose});
            } else if (what == "hand") {
                const Hand hand = handFrom(line);
                const glm::vec3 position = line.point("x y z");
                if (line.word("point") != "point") line.fail("expected 'point x y z'");
                const Pose pose = lookingAt(line, position, line.point("x y z"));
                auto& keys = script.hands[static_cast<int>(hand)];
                if (!keys.empty() && keys.back().frame >= frame) line.fail("keyframes must go forward");
                keys.push_back({frame, pose});
            } else if (what == "press" || what == "release") {
                const Hand hand = handFrom(line);
                const std::string button = line.word("select or menu");
                TourScript::InputChange change{frame, hand, TourScript::InputChange::What::Select, what == "press", {}};
                if (button == "menu")
                    change.what = TourScript::InputChange::What::Menu;
                else if (button != "select")
                    line.fail(concat("expected select or menu, not '", button, "'"));
                script.inputs.push_back(change);
            } else if (what == "stick") {
                const Hand hand = handFrom(line);
                const float x = static_cast<float>(line.number("x", -1, 1));
                const float y = static_cast<float>(line.number("y", -1, 1));
                script.inputs.push_back({frame, hand, TourScript::InputChange::What::Stick, false, {x, y}});
            } else if (what == "grab") {
                const Hand hand = handFrom(line);
                const float amount = static_cast<float>(line.number("a squeeze", 0, 1));
                script.inputs.push_back({frame, hand, TourScript::InputChange::What::Grab, false, {amount, 0}});
            } else {
                line.fail(concat("unknown '", what, "' (head, hand, press, release, stick or grab)"));
            }
        } else {
            line.fail(concat("unknown keyword '", keyword, "'"));
        }
        line.end();
    }
    std::stable_sort(script.inputs.begin(), script.inputs.end(),
                     [](const auto& a, const auto& b) { return a.frame < b.frame; });
    if (script.head.empty()) script.head.push_back({0, lookAt({0, 1.6f, 3}, {0, 1.2f, 0})});
    return script;
}

TourScript loadTourScript(const std::filesystem::path& path) {
    return parseTourScript(readFileText(path), path.string());
}

TourScript walkAround(const glm::vec3& boundsMin, const glm::vec3& boundsMax) {
    TourScript tour;
    tour.width = 480;
    tour.height = 400;
    tour.frames = 144; // two seconds at 72 fps
    tour.saveEvery = 48;
    const glm::vec3 centre = (boundsMin + boundsMax) * 0.5f;
    const glm::vec3 size = glm::max(boundsMax - boundsMin, glm::vec3(1e-4f));
    // Human eye height for a model of human scale; in proportion for a tiny or huge one.
    const float eyeHeight = std::clamp(1.55f, 0.2f * size.y, 1.2f * size.y);
    const float eyeY = boundsMin.y + eyeHeight;
    // A visitor shrunk with a tiny model: eyes 6.3 cm apart would see a 2 cm part with
    // one eye from its side.
    tour.eyeDistance *= std::min(1.0f, eyeHeight / 1.55f);
    const float aspect = float(tour.width) / float(tour.height);
    const float tanX = std::tan(glm::radians(tour.fovDegrees) * 0.5f);
    const float tanY = tanX / aspect;
    // From 50 degrees left to 50 degrees right of the model's front, in 4 legs, each key
    // just far enough back that every corner of the box is in view (a corner at offset o
    // from the centre is at depth d - o.towards: |o.right| <= tanX depth, |o.up| <= tanY
    // depth, looking roughly level).
    constexpr int kLegs = 4;
    for (int key = 0; key <= kLegs; ++key) {
        const float angle = glm::radians(-50.0f + 100.0f * float(key) / kLegs);
        const glm::vec3 towards(std::sin(angle), 0, std::cos(angle));
        const glm::vec3 right(std::cos(angle), 0, -std::sin(angle));
        float distance = 0;
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 offset = glm::vec3((corner & 1) ? size.x : -size.x, (corner & 2) ? size.y : -size.y,
                                               (corner & 4) ? size.z : -size.z) * 0.5f;
            const float along = glm::dot(offset, towards);
            const float above = std::abs(offset.y + centre.y - eyeY);
            distance = std::max({distance, along + std::abs(glm::dot(offset, right)) / tanX, along + above / tanY});
        }
        distance = std::max(distance * 1.08f, 0.6f * glm::length(size)); // a margin; never inside the model
        const glm::vec3 eye = glm::vec3(centre.x, eyeY, centre.z) + towards * distance;
        tour.head.push_back({key * (tour.frames - 1) / kLegs, lookAt(eye, centre)});
    }
    return tour;
}

TourScript stillView(const glm::vec3& camera, const glm::vec3& look, int frames) {
    TourScript tour;
    tour.frames = std::max(frames, 1);
    tour.saveEvery = tour.frames; // the first and the last picture
    tour.head.push_back({0, lookAt(camera, look)});
    return tour;
}

} // namespace usine::display
