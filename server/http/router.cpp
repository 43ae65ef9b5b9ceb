#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace farol::http {

namespace {

std::vector<route::segment> compile(std::string_view pattern) {
    if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with /");
    std::vector<route::segment> out;
    if (pattern == "/") return out;
    std::string_view rest = pattern.substr(1);
    for (;;) {
        auto const slash = rest.find('/');
        std::string_view s = rest.substr(0, slash);
        if (s.size() > 3 && s.substr(0, 2) == "{*" && s.back() == '}') {
            if (slash != std::string_view::npos) throw std::invalid_argument("{*tail} must be last");
            out.push_back({route::segment::tail, std::string(s.substr(2, s.size() - 3))});
        } else if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
            out.push_back({route::segment::param, std::string(s.substr(1, s.size() - 2))});
        } else {
            out.push_back({route::segment::literal, std::string(s)});
        }
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    return out;
}

bool matches(route const& r, std::vector<std::string> const& segs) {
    std::size_t i = 0;
    for (auto const& p : r.segments) {
        if (p.kind == route::segment::tail)
            return i < segs.size() && std::none_of(segs.begin() + static_cast<std::ptrdiff_t>(i), segs.end(),
                                                   [](auto const& s) { return s.empty(); });
        if (i >= segs.size()) return false;
        if (p.kind == route::segment::literal ? segs[i] != p.text : segs[i].empty()) return false;
        ++i;
    }
    return i == segs.size();
}

// The parameters of a route that matched, in pattern order; a tail joins the rest with '/'.
std::vector<std::string> params_of(route const& r, std::vector<std::string> const& segs) {
    std::vector<std::string> params;
    std::size_t i = 0;
    for (auto const& p : r.segments) {
        if (p.kind == route::segment::tail) {
            std::string joined;
            for (std::size_t j = i; j < segs.size(); ++j) {
                if (j > i) joined += '/';
                joined += segs[j];
            }
            params.push_back(std::move(joined));
            break;
        }
        if (p.kind == route::segment::param) params.push_back(segs[i]);
        ++i;
    }
    return params;
}

// "/api/" covers "/api/..." and "/api" itself.
bool under_prefix(std::string_view path, std::string_view prefix) {
    return path.substr(0, prefix.size()) == prefix || path == prefix.substr(0, prefix.size() - 1);
}

std::string allow_header(std::vector<verb> methods) {
    if (std::find(methods.begin(), methods.end(), verb::get) != methods.end()) methods.push_back(verb::head);
    methods.push_back(verb::options);
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    std::string out;
    for (auto m : methods) {
        if (!out.empty()) out += ", ";
        out += boost::beast::http::to_string(m);
    }
    return out;
}

} // namespace

bool router::implemented(verb m) {
    switch (m) {
    case verb::get: case verb::head: case verb::post: case verb::put:
    case verb::delete_: case verb::patch: case verb::options:
        return true;
    default:
        return false;
    }
}

void router::check_unique(verb method, std::string_view pattern, std::string const& name) const {
    for (auto const& r : routes_) {
        if (r.method == method && r.pattern == pattern)
            throw std::invalid_argument("route " + std::string(boost::beast::http::to_string(method)) + " " +
                                        std::string(pattern) + " is mounted twice");
        // One name, one pattern: the name is the metrics label, and two patterns under one label would
        // print the same Prometheus series twice.
        if (r.options.name == name && r.pattern != pattern)
            throw std::invalid_argument("route name \"" + name + "\" is taken by " + r.pattern + "; " +
                                        std::string(pattern) + " needs a name of its own");
    }
}

route_group router::area(http::area a, std::string prefix) {
    if (prefix.empty() || prefix.front() != '/' || prefix.back() != '/')
        throw std::invalid_argument("an area's prefix starts and ends with /: " + prefix);
    if (prefix != "/") { // ops routes sit at the root, among public ones, and claim nothing
        for (auto const& [p, owner] : prefixes_)
            if (p == prefix && owner != a) throw std::invalid_argument("prefix " + prefix + " is claimed twice");
        prefixes_.emplace_back(prefix, a);
    }
    return route_group(*this, a, std::move(prefix));
}

http::area router::area_of(std::string_view path) const {
    std::size_t best = 0;
    auto found = http::area::public_site;
    for (auto const& [prefix, a] : prefixes_) {
        if (under_prefix(path, prefix) && prefix.size() > best) {
            best = prefix.size();
            found = a;
        }
    }
    return found;
}

std::size_t route_group::add(verb method, std::string_view pattern, handler fn, route_options options) {
    if (!under_prefix(pattern, prefix_))
        throw std::invalid_argument("route " + std::string(pattern) + " is outside its area's prefix " + prefix_);
    return router_.add(method, pattern, std::move(fn), std::move(options), area_);
}

std::size_t router::add(verb method, std::string_view pattern, handler fn, route_options options, http::area a) {
    if (options.name.empty()) options.name = std::string(pattern);
    if (!implemented(method)) throw std::invalid_argument("route method is not one the server implements");
    if (auto const owner = area_of(pattern); owner != a && owner != http::area::public_site)
        throw std::invalid_argument("route " + std::string(pattern) + " is mounted in the " +
                                    std::string(to_string(a)) + " area under a prefix the " +
                                    std::string(to_string(owner)) + " area claims");
    check_unique(method, pattern, options.name);
    auto segments = compile(pattern);
    auto const literals = static_cast<int>(std::count_if(segments.begin(), segments.end(), [](auto const& s) {
        return s.kind == route::segment::literal;
    }));
    routes_.push_back(route{method, a, std::string(pattern), std::move(segments), std::move(fn), std::move(options),
                            routes_.size(), literals});
    return routes_.back().id;
}

router::match router::find(verb method, std::vector<std::string> const& segments) const {
    if (!implemented(method)) return {match::not_implemented};
    match result{match::not_found};
    std::uint64_t allowed = 0; // bit per verb; the Allow header is built only when asked for
    int best = -1;
    for (auto const& r : routes_) {
        if (!matches(r, segments)) continue;
        if (!result.path_area) result.path_area = r.area;
        allowed |= std::uint64_t{1} << static_cast<unsigned>(r.method);
        bool const same = r.method == method || (method == verb::head && r.method == verb::get);
        // The most literal pattern wins ("/sitemap.xml" over "/{lang}"); ties go to the first added.
        if (same && r.literals > best) {
            best = r.literals;
            result.found_route = &r;
        }
    }
    if (result.found_route) {
        result.outcome = match::found;
        result.params = params_of(*result.found_route, segments);
        return result;
    }
    if (!allowed) return result;
    std::vector<verb> methods;
    for (unsigned v = 0; v < 64; ++v)
        if (allowed & (std::uint64_t{1} << v)) methods.push_back(static_cast<verb>(v));
    result.allow = allow_header(std::move(methods));
    result.outcome = method == verb::options ? match::options : match::method_not_allowed;
    return result;
}

} // namespace farol::http
