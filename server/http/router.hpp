#pragma once
#include "http/access.hpp"
#include "http/body.hpp"
#include "http/request_context.hpp"
#include "http/route_policy.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::http {

using handler = std::function<response(request_context const&)>;

struct route_options {
    std::string name;            // metrics label, unique per pattern; defaults to the pattern
    body_kind body = body_kind::none; // what request body it takes: none refuses any (413)
    std::uint64_t max_body = 0;  // for a body: 0 is the server's default limit
    bool blocking = false;       // runs on the worker pool, never on an io thread
    // In an area that holds sessions (every other area ignores these):
    role_set roles = any_role;   // the roles that may call it
    bool anonymous = false;      // needs no session (the sign-in pages)
    step_set steps = 0;          // pending steps during which it is still reachable
};

struct route {
    struct segment {
        enum kind_t { literal, param, tail } kind;
        std::string text;
    };
    verb method;
    http::area area;
    std::string pattern;
    std::vector<segment> segments;
    handler fn;
    route_options options;
    std::size_t id;
    int literals; // literal segments: the more, the more specific
};

class router;

// The routes one area mounts, under the path prefix the area owns ("/" for the public site): the
// area decides the routes' policy (http/route_policy.hpp). Handlers' mount() functions take one.
class route_group {
public:
    route_group(router& r, http::area a, std::string prefix) : router_(r), area_(a), prefix_(std::move(prefix)) {}
    // Throws std::invalid_argument as router::add does, or when the pattern is outside the prefix.
    std::size_t add(verb method, std::string_view pattern, handler fn, route_options options = {});
    std::size_t get(std::string_view pattern, handler fn, route_options options = {}) {
        return add(verb::get, pattern, std::move(fn), std::move(options));
    }
    http::area area() const { return area_; }

private:
    router& router_;
    http::area area_;
    std::string prefix_;
};

// A table of {method, pattern, handler}. Patterns: "/a/{param}/b", "/s/{hash}/{*name}".
class router {
public:
    // The group through which an area mounts its routes. A prefix other than "/" ("/api/", "/editor/")
    // is claimed by the area, so even a path no route matches there gets that area's errors, and no
    // other area may mount under it.
    route_group area(http::area a, std::string prefix = "/");
    // The area a path belongs to: the longest claimed prefix, else the public site.
    http::area area_of(std::string_view path) const;

    // Adds a route; returns its id (0, 1, ... in order of addition). Throws std::invalid_argument on a
    // bad pattern, a method the server does not implement, a method + pattern already added, or a
    // name already given to another pattern (the error names both patterns).
    std::size_t add(verb method, std::string_view pattern, handler fn, route_options options = {},
                    http::area a = http::area::public_site);
    std::size_t get(std::string_view pattern, handler fn, route_options options = {}) {
        return add(verb::get, pattern, std::move(fn), std::move(options));
    }

    struct match {
        enum outcome_t { found, options, not_found, method_not_allowed, not_implemented } outcome;
        route const* found_route = nullptr;
        std::vector<std::string> params;
        std::string allow; // for 405 and OPTIONS
        std::optional<http::area> path_area; // the area of a route whose pattern matched, whatever its method
    };
    match find(verb method, std::vector<std::string> const& segments) const;

    std::vector<route> const& routes() const { return routes_; }

    // Methods the server implements at all; anything else is 501.
    static bool implemented(verb method);

private:
    void check_unique(verb method, std::string_view pattern, std::string const& name) const;
    std::vector<route> routes_;
    std::vector<std::pair<std::string, http::area>> prefixes_; // claimed by areas other than public
};

} // namespace farol::http
