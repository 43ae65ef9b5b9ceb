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
        else if (name == http::field::referer) take_first(referer, f.value());
        else // by name, whether or not this Boost's Beast has a code for it: the names' lengths differ
            switch (auto const text = f.name_string(); text.size()) {
            case 16: if (util::iequals(text, "sec-ch-ua-mobile")) take_first(sec_ch_ua_mobile, f.value()); break;
            case 11: if (util::iequals(text, "sec-purpose")) take_first(sec_purpose, f.value()); break;
            case 7: if (util::iequals(text, "purpose")) take_first(purpose, f.value()); break;
            case 9: if (util::iequals(text, "x-purpose")) take_first(x_purpose, f.value()); break;
            case 5: if (util::iequals(text, "x-moz")) take_first(x_moz, f.value()); break;
            default: break;
            }
    }
}

} // namespace farol::metrics
