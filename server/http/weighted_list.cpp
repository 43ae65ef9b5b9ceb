#include "http/weighted_list.hpp"

#include "util/strings.hpp"

namespace farol::http {

std::optional<int> parse_qvalue(std::string_view v) {
    if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return std::nullopt;
    int weight = (v[0] - '0') * 1000;
    if (v.size() == 1) return weight;
    if (v[1] != '.') return std::nullopt;
    int scale = 100;
    for (char c : v.substr(2)) {
        if (c < '0' || c > '9') return std::nullopt;
        weight += (c - '0') * scale;
        scale /= 10;
    }
    if (weight > 1000) return std::nullopt;
    return weight;
}

std::optional<weighted_member> parse_weighted_member(std::string_view member) {
    auto const semicolon = member.find(';');
    weighted_member out{util::trim(member.substr(0, semicolon)), 1000};
    if (out.value.empty()) return std::nullopt;
    if (semicolon == std::string_view::npos) return out;
    auto const param = util::trim(member.substr(semicolon + 1));
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return std::nullopt;
    auto const weight = parse_qvalue(param.substr(2)); // a second parameter makes this fail too
    if (!weight) return std::nullopt;
    out.weight = *weight;
    return out;
}

} // namespace farol::http
