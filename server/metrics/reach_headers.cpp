#include "metrics/reach_headers.hpp"

#include "util/strings.hpp"

namespace farol::metrics {

namespace {

void take_first(std::string_view& slot, std::string_view value) {
    if (slot.data() == nullptr) slot = value;
}

} // namespace

reach_headers::reach_headers(http::request const& req) {
    for (auto const& f : req) {
        auto const name = f.name();
        if (name == http::field::user_agent) take_first(user_agent, f.value());
        if (name == http::field::referer) take_first(referer, f.value());
        if (name != http::field::unknown) continue; // the rest have no code in Beast
        auto const text = f.name_string();
        if (util::iequals(text, "sec-ch-ua-mobile")) take_first(sec_ch_ua_mobile, f.value());
        else if (util::iequals(text, "sec-purpose")) take_first(sec_purpose, f.value());
        else if (util::iequals(text, "purpose")) take_first(purpose, f.value());
        else if (util::iequals(text, "x-purpose")) take_first(x_purpose, f.value());
        else if (util::iequals(text, "x-moz")) take_first(x_moz, f.value());
    }
}

} // namespace farol::metrics
