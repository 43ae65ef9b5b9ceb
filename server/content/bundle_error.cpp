#include "content/bundle_error.hpp"

namespace farol::content {

namespace {

std::string join(std::vector<bundle_problem> const& list) {
    std::string out;
    for (auto const& p : list) {
        if (!out.empty()) out += '\n';
        out += format_problem(p);
    }
    return out;
}

} // namespace

std::string format_problem(bundle_problem const& p) {
    std::string out = p.file.generic_string();
    if (p.line > 0) out += ":" + std::to_string(p.line);
    return out + ": " + p.reason.english;
}

bundle_invalid::bundle_invalid(std::vector<bundle_problem> list)
    : std::runtime_error(join(list)), problems(std::move(list)) {}

} // namespace farol::content
