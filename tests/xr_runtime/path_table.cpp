// XrPath interning and path syntax (see path_table.h).
#include "path_table.h"

namespace usine::test_runtime {

XrPath PathTable::intern(const std::string& path) {
    if (const auto found = atoms_.find(path); found != atoms_.end()) return found->second;
    strings_.push_back(path);
    const XrPath atom = XrPath(strings_.size());
    atoms_.emplace(path, atom);
    return atom;
}

std::optional<XrPath> PathTable::find(const std::string& path) const {
    const auto found = atoms_.find(path);
    if (found == atoms_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> PathTable::text(XrPath path) const {
    if (path == XR_NULL_PATH || path > strings_.size()) return std::nullopt;
    return strings_[path - 1];
}

bool isWellFormedPath(std::string_view path) {
    if (path.size() < 2 || path.front() != '/' || path.back() == '/' || path.size() >= XR_MAX_PATH_LENGTH) return false;
    std::size_t segmentStart = 1;
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '/') {
            const char c = path[i];
            const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!allowed) return false;
            continue;
        }
        const std::string_view segment = path.substr(segmentStart, i - segmentStart);
        if (segment.empty() || segment == "." || segment == "..") return false;
        segmentStart = i + 1;
    }
    return true;
}

} // namespace usine::test_runtime
