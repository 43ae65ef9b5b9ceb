#include "http/response.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace farol::http {

response make_bytes(status s, shared_bytes body, std::string_view content_type) {
    response res{s, 11};
    res.set(field::content_type, content_type);
    res.body().bytes = std::move(body);
    return res;
}

response make_text(status s, std::string text, std::string_view content_type) {
    return make_bytes(s, shared_bytes::copy_of(std::move(text)), content_type);
}

response make_json(status s, std::string json) {
    return make_text(s, std::move(json), "application/json");
}

response make_problem(status s, std::string_view title, std::string_view detail) {
    boost::json::object o;
    o["type"] = "about:blank";
    o["title"] = title;
    o["status"] = static_cast<unsigned>(s);
    o["detail"] = detail;
    return make_text(s, boost::json::serialize(o), "application/problem+json");
}

response make_redirect(status s, std::string_view location) {
    response res = make_empty(s);
    res.set(field::location, location);
    return res;
}

response make_empty(status s) {
    return response{s, 11};
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace farol::http
