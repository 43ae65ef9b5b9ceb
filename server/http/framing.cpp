#include "http/framing.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace farol::http {

std::optional<std::string> ambiguous_framing(boost::beast::http::request_header<> const& head) {
    // One pass comparing field codes: cheaper than two case-insensitive tree lookups per request.
    std::ptrdiff_t te_count = 0, cl_count = 0;
    std::string_view te_value, cl_value;
    for (auto const& f : head) {
        if (f.name() == field::transfer_encoding && te_count++ == 0) te_value = f.value();
        else if (f.name() == field::content_length && cl_count++ == 0) cl_value = f.value();
    }

    if (te_count > 0) {
        if (head.version() < 11) return "Transfer-Encoding is not allowed in HTTP/1.0";
        if (te_count > 1) return "repeated Transfer-Encoding";
        if (!util::iequals(util::trim(te_value), "chunked")) return "Transfer-Encoding other than chunked";
        if (cl_count > 0) return "Transfer-Encoding together with Content-Length";
    }
    if (cl_count > 1) return "repeated Content-Length";
    if (cl_count == 1) {
        auto const v = util::trim(cl_value);
        if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return "Content-Length is not a single number";
    }
    return std::nullopt;
}

} // namespace farol::http
