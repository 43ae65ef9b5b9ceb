#pragma once
#include "http/access.hpp"
#include "http/body.hpp"
#include "http/form_fields.hpp"
#include "http/route_policy.hpp"
#include "http/uploaded_file.hpp"
#include "util/clock.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
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
    http::area area = http::area::public_site; // the matched route's, or the area owning the path
    std::string encoded_path;          // as sent, without the query; for logs and metrics
    std::vector<std::string> segments; // percent-decoded path segments
    std::vector<std::pair<std::string, std::string>> query;
    field_list cookies; // parsed only in areas that hold sessions: a reader's cookies are never read
    field_list form;    // an application/x-www-form-urlencoded body, or the text fields of a multipart one
    // The file parts of a multipart/form-data body (body_kind::file_stream); a pointer: most requests have none.
    std::unique_ptr<std::vector<uploaded_file>> files;
    std::unique_ptr<principal const> session; // the signed-in user, in areas that hold sessions (a pointer: idle connections stay small)
    std::vector<std::string> params;   // route parameters, in pattern order
    std::string request_id;
    util::clock::time_point received_at{};
    // Who sent it, in memory only: never logged, stored or reported (a reader may be in danger).
    boost::asio::ip::address peer;   // the socket's other end, set by net/
    boost::asio::ip::address client; // the peer, or the client a trusted proxy forwarded for

    // Ready for the next request on the connection, keeping the strings' and vectors' capacity.
    void reset();

    // The first line of a field; list-valued fields were joined into one line before routing
    // (http/request_head.hpp), so this is the whole list.
    std::string_view header(field f) const;
    std::string_view header(std::string_view name) const; // for fields Beast has no code for
    // Whether a list-valued field names `token` (case-insensitive, RFC 9110 §5.6.1), e.g. Expect: 100-continue.
    bool header_has_token(field f, std::string_view token) const;
    std::optional<std::string_view> query_param(std::string_view name) const;
    // The first value of a form field, "" when absent.
    std::string_view form_value(std::string_view name) const;
    // The first file part sent as form field `name`; null when none.
    uploaded_file const* file(std::string_view name) const;
    void add_file(uploaded_file f);
    bool is_head() const { return method == verb::head; }
};

// A client mistake in the request head or target: the status to answer and a short reason.
struct request_error {
    status code;
    std::string detail;
};

// Parses origin-form (or absolute-form) targets into ctx; never throws on client input.
std::optional<request_error> parse_target(std::string_view target, request_context& ctx);

} // namespace farol::http
