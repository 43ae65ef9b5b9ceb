#include "http/same_origin.hpp"

#include "http/request_context.hpp"
#include "util/strings.hpp"

namespace farol::http {

namespace {

// "host:80" for http and "host:443" for https are the same as "host" (RFC 6454 §4 drops them).
std::string_view without_default_port(std::string_view authority, std::string_view scheme) {
    std::string_view const port = scheme == "https" ? ":443" : ":80";
    if (authority.size() > port.size() && authority.ends_with(port)) authority.remove_suffix(port.size());
    return authority;
}

bool origin_names_host(std::string_view origin, std::string_view host) {
    auto const sep = origin.find("://");
    if (sep == std::string_view::npos || host.empty()) return false;
    auto const scheme = origin.substr(0, sep);
    if (!util::iequals(scheme, "http") && !util::iequals(scheme, "https")) return false;
    auto const authority = origin.substr(sep + 3);
    if (authority.empty() || authority.find_first_of("/?#@") != std::string_view::npos) return false;
    return util::iequals(without_default_port(authority, scheme), without_default_port(host, scheme));
}

} // namespace

bool from_same_origin(request_context const& ctx, std::string_view public_origin) {
    auto const fetch_site = util::trim(ctx.header("Sec-Fetch-Site"));
    // Set by the browser and beyond a page's reach: decisive when present. (Under a no-referrer
    // policy a browser sends "Origin: null" even for its own forms.)
    if (!fetch_site.empty()) return util::iequals(fetch_site, "same-origin");
    auto const origin = util::trim(ctx.header(field::origin));
    if (origin.empty() || origin == "null") return false;
    if (!public_origin.empty() && util::iequals(origin, public_origin)) return true;
    return origin_names_host(origin, util::trim(ctx.header(field::host)));
}

} // namespace farol::http
