#pragma once
#include "http/body.hpp"
#include "http/request_context.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace farol::http {

using handler = std::function<response(request_context const&)>;

struct route_options {
    std::string name;            // metrics label, unique per pattern; defaults to the pattern
    std::uint64_t max_body = 0;  // 0: the server's default body limit
    bool blocking = false;       // runs on the worker pool, never on an io thread
};

struct route {
    struct segment {
        enum kind_t { literal, param, tail } kind;
        std::string text;
    };
    verb method;
    std::string pattern;
    std::vector<segment> segments;
    handler fn;
    route_options options;
    std::size_t id;
    int literals; // literal segments: the more, the more specific
};

// A table of {method, pattern, handler}. Patterns: "/a/{param}/b", "/s/{hash}/{*name}".
class router {
public:
    // Adds a route; returns its id (0, 1, ... in order of addition). Throws std::invalid_argument on a
    // bad pattern, a method the server does not implement, a method + pattern already added, or a
    // name already given to another pattern (the error names both patterns).
    std::size_t add(verb method, std::string_view pattern, handler fn, route_options options = {});
    std::size_t get(std::string_view pattern, handler fn, route_options options = {}) {
        return add(verb::get, pattern, std::move(fn), std::move(options));
    }

    struct match {
        enum outcome_t { found, options, not_found, method_not_allowed, not_implemented } outcome;
        route const* found_route = nullptr;
        std::vector<std::string> params;
        std::string allow; // for 405 and OPTIONS
    };
    match find(verb method, std::vector<std::string> const& segments) const;

    std::vector<route> const& routes() const { return routes_; }

    // Methods the server implements at all; anything else is 501.
    static bool implemented(verb method);

private:
    void check_unique(verb method, std::string_view pattern, std::string const& name) const;
    std::vector<route> routes_;
};

} // namespace farol::http
