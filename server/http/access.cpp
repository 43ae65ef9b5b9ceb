#include "http/access.hpp"

namespace farol::http {

std::string_view to_string(role r) {
    switch (r) {
    case role::admin: return "admin";
    case role::editor: return "editor";
    case role::analyst: return "analyst";
    case role::partner: return "partner";
    }
    return "editor";
}

std::optional<role> parse_role(std::string_view s) {
    for (auto r : {role::admin, role::editor, role::analyst, role::partner})
        if (s == to_string(r)) return r;
    return std::nullopt;
}

} // namespace farol::http
