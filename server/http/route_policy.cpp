#include "http/route_policy.hpp"

namespace farol::http {

area_policy policy_of(area a) {
    switch (a) {
    case area::public_site: return {error_style::reader_page, false, false, cors::none, false};
    case area::editor: return {error_style::editor_page, true, true, cors::none, true};
    case area::api: return {error_style::problem_json, false, false, cors::any_origin, false};
    case area::embed: return {error_style::plain, false, false, cors::none, false};
    case area::ops: return {error_style::plain, false, false, cors::none, false};
    }
    return {error_style::plain, false, false, cors::none, false};
}

std::string_view to_string(area a) {
    switch (a) {
    case area::public_site: return "public";
    case area::editor: return "editor";
    case area::api: return "api";
    case area::embed: return "embed";
    case area::ops: return "ops";
    }
    return "?";
}

} // namespace farol::http
