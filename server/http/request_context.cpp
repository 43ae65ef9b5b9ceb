#include "http/request_context.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace farol::http {

std::string_view request_context::header(field f) const {
    auto it = req.find(f);
    return it == req.end() ? std::string_view{} : std::string_view(it->value());
}

std::optional<std::string_view> request_context::query_param(std::string_view name) const {
    for (auto const& [k, v] : query)
        if (k == name) return std::string_view(v);
    return std::nullopt;
}

namespace {
bool forbidden_segment(std::string const& s) {
    // Dot segments and NULs have no meaning here and are the stuff of traversal attacks.
    return s == "." || s == ".." || s.find('\0') != std::string::npos;
}
} // namespace

std::optional<target_error> parse_target(std::string_view target, request_context& ctx) {
    boost::system::result<boost::urls::url_view> parsed;
    if (!target.empty() && target.front() == '/')
        parsed = boost::urls::parse_origin_form(target);
    else
        parsed = boost::urls::parse_absolute_uri(target);
    if (!parsed) return target_error{status::bad_request, "The address is not a valid URL."};
    auto const& u = *parsed;
    if (!u.is_path_absolute() && !u.encoded_path().empty())
        return target_error{status::bad_request, "The address path must be absolute."};

    ctx.encoded_path = u.encoded_path().empty() ? std::string("/") : std::string(u.encoded_path());
    ctx.segments.clear();
    for (auto seg : u.segments()) {
        std::string s(seg);
        if (forbidden_segment(s)) return target_error{status::bad_request, "The address contains a forbidden segment."};
        ctx.segments.push_back(std::move(s));
    }
    ctx.query.clear();
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    for (auto p : u.params(opts)) ctx.query.emplace_back(std::string(p.key), std::string(p.value));
    return std::nullopt;
}

} // namespace farol::http
