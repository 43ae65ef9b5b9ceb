#include "http/framing.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace farol::http {

std::optional<std::string> ambiguous_framing(boost::beast::http::request_header<> const& head) {
    auto const te = head.equal_range(field::transfer_encoding);
    auto const cl = head.equal_range(field::content_length);
    auto const te_count = std::distance(te.first, te.second);
    auto const cl_count = std::distance(cl.first, cl.second);

    if (te_count > 0) {
        if (head.version() < 11) return "Transfer-Encoding is not allowed in HTTP/1.0";
        if (te_count > 1) return "repeated Transfer-Encoding";
        if (!util::iequals(util::trim(te.first->value()), "chunked")) return "Transfer-Encoding other than chunked";
        if (cl_count > 0) return "Transfer-Encoding together with Content-Length";
    }
    if (cl_count > 1) return "repeated Content-Length";
    if (cl_count == 1) {
        auto const v = util::trim(cl.first->value());
        if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return "Content-Length is not a single number";
    }
    return std::nullopt;
}

} // namespace farol::http
