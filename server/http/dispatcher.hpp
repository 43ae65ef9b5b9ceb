#pragma once
#include "http/body.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "http/security_headers.hpp"
#include "http/trusted_proxies.hpp"
#include "http/wire.hpp"
#include "util/clock.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace farol::http {

// What one request/response exchange was, for metrics and the access log (never the client's identity).
struct exchange_record {
    request_context const& ctx;
    route const* matched; // null when no route answered
    unsigned status;
    std::uint64_t body_bytes;
    std::chrono::nanoseconds duration;
};

class exchange_observer {
public:
    virtual ~exchange_observer() = default;
    virtual void on_exchange(exchange_record const& record) = 0;
};

using error_renderer = std::function<response(request_context const&, status, std::string_view detail)>;

struct dispatcher_options {
    std::uint64_t default_max_body = 1024 * 1024;
    std::size_t max_target = 8 * 1024;
    security_policy security;
    trusted_proxies proxies; // whose X-Forwarded-For names the client
    session_resolver const* sessions = nullptr; // who is signed in, for areas that hold sessions
    std::string public_origin; // "https://host[:port]" from the public URL; "" when not configured
};

// Everything between the socket and the handlers: routing, errors, HEAD, common headers.
class dispatcher {
public:
    dispatcher(router routes, dispatcher_options options, util::clock const& clock,
               exchange_observer* observer = nullptr);

    // The reader's error page (error_style::reader_page) and the editor's (error_style::editor_page).
    void set_error_renderer(error_renderer renderer) { render_error_ = std::move(renderer); }
    void set_editor_error_renderer(error_renderer renderer) { render_editor_error_ = std::move(renderer); }

    struct plan {
        std::optional<response> reject; // answer without reading the body
        route const* matched = nullptr;
        std::uint64_t body_limit = 0;
        bool blocking = false;
    };

    // Called once the head is in ctx.req: parses the target and picks the route.
    plan prepare(request_context& ctx) const;

    // Runs the route's handler, then compresses a per-request body (http/dynamic_encoding.hpp); an
    // exception becomes a logged 500, never a crash.
    // A form route's body is parsed into ctx.form first (415 for another type, 400 if malformed).
    // In an area that holds sessions, the route's access rule is applied first (see admit()).
    response handle(request_context& ctx, plan const& p) const;

    // For a route that streams its body to disk (body_kind::file_stream): the route policy as far
    // as the head allows — origin, session, pending step, role — so nobody who could never be
    // admitted gets a byte written. The CSRF token travels in the body; handle() checks everything
    // again. Blocking (SQLite): the worker pool. nullopt: read the body.
    std::optional<response> admit_before_body(request_context& ctx, plan const& p) const;

    response error(request_context const& ctx, status s, std::string_view detail) const;

    // Last changes before sending, by the area's policy: Set-Cookie dropped outside areas that hold
    // sessions; Access-Control-Allow-Origin: * where any origin may read, with Expose-Headers
    // (ETag, Link) and, on a preflight (OPTIONS, 204), Allow-Methods, Allow-Headers and Max-Age.
    void finish(request_context const& ctx, response& res) const;

    // The head as sent, into `out`: the response's own headers, the framing (http/wire.hpp: the
    // status decides Content-Length; `keep_alive` decides Connection), then the common ones
    // (security, Date, Server, request id).
    void write_head(request_context const& ctx, response const& res, bool keep_alive, std::string& out) const;

    // The bytes that follow the head: none for HEAD, 1xx, 204 and 304.
    static std::string_view content(request_context const& ctx, response const& res) {
        return content_to_send(res, ctx.is_head());
    }

    void record(exchange_record const& r) const;

    router const& routes() const { return router_; }
    util::clock const& clock() const { return clock_; }
    std::string next_request_id() const;

private:
    static void allow_any_origin(request_context const& ctx, response& res);
    // Target length, head fields (request_head.hpp), the client, the target: what any route needs.
    std::optional<request_error> parse_head(request_context& ctx) const;
    std::uint64_t body_limit(route_options const& o) const;
    std::optional<request_error> parse_body(request_context& ctx, route_options const& o) const;
    // The route policy of areas that hold sessions, in this order: a state change from another
    // origin → 403; the session resolved into ctx.session; none → 303 to sign in (GET) or 403; a
    // state change without the session's CSRF token → 403; a pending step → 303 to it (GET) or 403;
    // a role the route does not allow → 403. nullopt: go ahead.
    std::optional<response> admit(request_context& ctx, route const& r, bool token_sent = true) const;
    std::optional<response> check_stream_head(request_context const& ctx, route const& r) const;

    router router_;
    dispatcher_options options_;
    security_headers security_;
    util::clock const& clock_;
    exchange_observer* observer_;
    error_renderer render_error_;
    error_renderer render_editor_error_;
};

// The fallback error body: problem+json in an area that answers so, else a short HTML page.
response default_error(request_context const& ctx, status s, std::string_view detail);

} // namespace farol::http
