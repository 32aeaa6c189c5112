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

TourScript defaultTour() {
    return parseTourScript(R"(
size 480 400
frames 144
save-every 48
at 0 head -2.5 1.55 2.6 look -2.6 0.9 0.6
at 72 head 0 1.55 2.6 look 1.8 1.0 0.2
at 143 head 2.5 1.55 2.6 look 4.0 1.0 -2.6
)",
                           "default tour");
}

} // namespace usine::display
