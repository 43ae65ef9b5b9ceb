#pragma once
#include "http/body.hpp"
#include "util/clock.hpp"

#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::http {

using request = boost::beast::http::request<boost::beast::http::string_body>;

// A request parsed once: the message plus its decoded path, query and route parameters.
struct request_context {
    request req;
    verb method = verb::unknown;
    std::string encoded_path;          // as sent, without the query; for logs and metrics
    std::vector<std::string> segments; // percent-decoded path segments
    std::vector<std::pair<std::string, std::string>> query;
    std::vector<std::string> params;   // route parameters, in pattern order
    std::string request_id;
    util::clock::time_point received_at{};

    // Ready for the next request on the connection, keeping the strings' and vectors' capacity.
    void reset();

    std::string_view header(field f) const;
    std::optional<std::string_view> query_param(std::string_view name) const;
    bool is_head() const { return method == verb::head; }
};

struct target_error {
    status code;
    std::string detail;
};

// Parses origin-form (or absolute-form) targets into ctx; never throws on client input.
std::optional<target_error> parse_target(std::string_view target, request_context& ctx);

} // namespace farol::http
