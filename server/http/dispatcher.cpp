#include "http/dispatcher.hpp"

#include "http/date.hpp"
#include "http/dynamic_encoding.hpp"
#include "http/http_error.hpp"
#include "http/multipart.hpp"
#include "http/request_head.hpp"
#include "http/same_origin.hpp"
#include "http/response.hpp"
#include "http/wire.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

#include <sodium.h>

#include <atomic>

namespace farol::http {

dispatcher::dispatcher(router routes, dispatcher_options options, util::clock const& clock,
                       exchange_observer* observer)
    : router_(std::move(routes)), options_(options), security_(options.security), clock_(clock),
      observer_(observer), render_error_(default_error) {}

std::string dispatcher::next_request_id() const {
    // A random per-process prefix plus a counter: unique in logs, says nothing about the reader.
    // Threads take counters in blocks so io threads do not share a cache line per request; 15
    // characters stay inside std::string's small buffer.
    static std::uint32_t const prefix = randombytes_random() & 0xffffffu;
    static std::atomic<std::uint64_t> next_block{0};
    constexpr std::uint64_t block = 1024;
    thread_local std::uint64_t counter = 0, block_end = 0;
    if (counter == block_end) {
        counter = next_block.fetch_add(1, std::memory_order_relaxed) * block;
        block_end = counter + block;
    }
    std::uint64_t const n = counter++;
    static constexpr char hex[] = "0123456789abcdef";
    std::string id(15, '0');
    for (int i = 0; i < 6; ++i) id[static_cast<std::size_t>(i)] = hex[(prefix >> (4 * (5 - i))) & 0xf];
    for (int i = 0; i < 9; ++i) id[static_cast<std::size_t>(6 + i)] = hex[(n >> (4 * (8 - i))) & 0xf];
    return id;
}

namespace {
bool is_safe(verb m) { return m == verb::get || m == verb::head; }

// The media type of a Content-Type value, without parameters, compared case-insensitively.
bool media_type_is(std::string_view content_type, std::string_view type) {
    return util::iequals(util::trim(content_type.substr(0, content_type.find(';'))), type);
}
} // namespace

std::optional<request_error> dispatcher::parse_head(request_context& ctx) const {
    std::string_view const target = ctx.req.target();
    if (target.size() > options_.max_target) return request_error{status::uri_too_long, "The address is too long."};
    if (auto err = check_and_join_fields(ctx.req)) return err;
    ctx.client = ctx.peer;
    if (!options_.proxies.empty())
        ctx.client = options_.proxies.client_of(ctx.peer, field_lines(ctx.req, "X-Forwarded-For"));
    if (auto err = parse_target(target, ctx)) return err;
    ctx.area = router_.area_of(ctx.encoded_path);
    return std::nullopt;
}

dispatcher::plan dispatcher::prepare(request_context& ctx) const {
    plan p;
    ctx.method = ctx.req.method();
    ctx.area = router_.area_of(ctx.req.target()); // until the path is known, errors are the owning area's
    if (auto err = parse_head(ctx)) {
        p.reject = error(ctx, err->code, err->detail);
        return p;
    }
    auto m = router_.find(ctx.method, ctx.segments);
    if (m.path_area) ctx.area = *m.path_area; // a 405 on /healthz is the ops area's
    switch (m.outcome) {
    case router::match::found:
        ctx.params = std::move(m.params);
        ctx.area = m.found_route->area;
        if (policy_of(ctx.area).sets_cookies) ctx.cookies = parse_cookies(field_lines(ctx.req, field::cookie, "; "));
        p.matched = m.found_route;
        p.body_limit = body_limit(m.found_route->options);
        if (auto refused = check_stream_head(ctx, *m.found_route)) p.reject = std::move(refused);
        // Resolving a session reads SQLite: such areas never run on an io thread.
        p.blocking = m.found_route->options.blocking || policy_of(ctx.area).sets_cookies;
        return p;
    case router::match::options:
        p.reject = make_empty(status::no_content);
        p.reject->set(field::allow, m.allow);
        return p;
    case router::match::method_not_allowed:
        p.reject = error(ctx, status::method_not_allowed, "This address does not accept that method.");
        p.reject->set(field::allow, m.allow);
        return p;
    case router::match::not_implemented:
        p.reject = error(ctx, status::not_implemented, "That method is not supported.");
        return p;
    case router::match::not_found:
        break;
    }
    p.reject = error(ctx, status::not_found, "There is nothing at this address.");
    return p;
}

// A streamed upload is refused from its head when it could never be admitted: the body is written to
// disk as it arrives, so who sends it is checked before the first byte of it is read.
std::optional<response> dispatcher::check_stream_head(request_context const& ctx, route const& r) const {
    if (r.options.body != body_kind::file_stream || is_safe(ctx.method)) return std::nullopt;
    auto const policy = policy_of(r.area);
    if (policy.csrf && !from_same_origin(ctx, options_.public_origin))
        return error(ctx, status::forbidden, refusal::cross_origin);
    if (policy.sets_cookies && options_.sessions && !r.options.anonymous && !options_.sessions->may_resolve(ctx))
        return error(ctx, status::forbidden, refusal::not_signed_in);
    if (!multipart_boundary(ctx.header(field::content_type)))
        return error(ctx, status::unsupported_media_type, "This address takes an upload (multipart/form-data).");
    return std::nullopt;
}

std::optional<request_error> dispatcher::parse_body(request_context& ctx, route_options const& o) const {
    if (o.body != body_kind::form || ctx.req.body().empty()) return std::nullopt;
    if (!media_type_is(ctx.header(field::content_type), "application/x-www-form-urlencoded"))
        return request_error{status::unsupported_media_type,
                             "This address takes a form (application/x-www-form-urlencoded)."};
    auto fields = parse_form(ctx.req.body());
    if (!fields) return request_error{status::bad_request, "The form is malformed."};
    ctx.form = std::move(*fields);
    return std::nullopt;
}

namespace {

bool token_matches(request_context const& ctx) {
    auto const sent = ctx.form_value(csrf_field);
    auto const& want = ctx.session->csrf_token;
    return !want.empty() && sent.size() == want.size() && sodium_memcmp(sent.data(), want.data(), want.size()) == 0;
}

response see_other(std::string const& location) {
    auto res = make_redirect(status::see_other, location);
    res.set(field::cache_control, "no-store");
    return res;
}
} // namespace

std::optional<response> dispatcher::admit_before_body(request_context& ctx, plan const& p) const {
    try {
        return admit(ctx, *p.matched, false);
    } catch (std::exception const& e) {
        util::log_error("request " + ctx.request_id + " " + p.matched->options.name + ": " + e.what());
        return error(ctx, status::internal_server_error, "Something went wrong on our side.");
    }
}

std::optional<response> dispatcher::admit(request_context& ctx, route const& r, bool token_sent) const {
    auto const policy = policy_of(r.area);
    if (!policy.sets_cookies) return std::nullopt;
    bool const safe = is_safe(ctx.method);
    if (policy.csrf && !safe && !from_same_origin(ctx, options_.public_origin))
        return error(ctx, status::forbidden, refusal::cross_origin);
    if (options_.sessions)
        if (auto who = options_.sessions->resolve(ctx)) ctx.session = std::make_unique<principal const>(std::move(*who));
    auto const& o = r.options;
    if (!ctx.session) {
        if (o.anonymous) return std::nullopt;
        if (safe && options_.sessions) return see_other(options_.sessions->sign_in_location(ctx.req.target()));
        return error(ctx, status::forbidden, refusal::not_signed_in);
    }
    if (policy.csrf && !safe && token_sent && !token_matches(ctx))
        return error(ctx, status::forbidden, refusal::stale_form);
    auto const step = ctx.session->step;
    if (step != pending_step::none && (o.steps & static_cast<step_set>(step)) == 0) {
        if (safe) return see_other(options_.sessions->step_location(step));
        return error(ctx, status::forbidden, refusal::unfinished);
    }
    if (!o.anonymous && !allows(o.roles, ctx.session->role))
        return error(ctx, status::forbidden, refusal::role);
    return std::nullopt;
}

response dispatcher::handle(request_context& ctx, plan const& p) const {
    if (auto err = parse_body(ctx, p.matched->options)) return error(ctx, err->code, err->detail);
    try {
        if (auto refusal = admit(ctx, *p.matched)) return std::move(*refusal);
        auto res = p.matched->fn(ctx);
        encode_dynamic(ctx, res);
        return res;
    } catch (http_error const& e) {
        return error(ctx, e.code(), e.what());
    } catch (std::exception const& e) {
        util::log_error("request " + ctx.request_id + " " + p.matched->options.name + ": " + e.what());
    } catch (...) {
        util::log_error("request " + ctx.request_id + " " + p.matched->options.name + ": unknown exception");
    }
    return error(ctx, status::internal_server_error, "Something went wrong on our side.");
}

std::uint64_t dispatcher::body_limit(route_options const& o) const {
    if (o.body == body_kind::none) return 0; // any body byte is refused from the head (413)
    return o.max_body ? o.max_body : options_.default_max_body;
}

response dispatcher::error(request_context const& ctx, status s, std::string_view detail) const {
    try {
        auto const style = policy_of(ctx.area).errors;
        response res = style == error_style::reader_page                          ? render_error_(ctx, s, detail)
                       : style == error_style::editor_page && render_editor_error_ ? render_editor_error_(ctx, s, detail)
                                                                                   : default_error(ctx, s, detail);
        if (res.find(field::cache_control) == res.end()) res.set(field::cache_control, "no-store");
        return res;
    } catch (std::exception const& e) {
        util::log_error("error page for " + ctx.request_id + ": " + e.what());
        return default_error(ctx, s, detail);
    }
}

void dispatcher::finish(request_context const& ctx, response& res) const {
    auto const policy = policy_of(ctx.area);
    // Readers get no cookies, ever: only an area that holds sessions may set one.
    if (!policy.sets_cookies) res.erase(field::set_cookie);
    // Signed-in pages stay out of every cache and every index.
    if (policy.private_pages) {
        res.set(field::cache_control, "no-store");
        res.set("X-Robots-Tag", "noindex, nofollow");
        // Same-origin requests carry their real Origin (no-referrer would make it "null").
        res.set("Referrer-Policy", "same-origin");
    }
    if (policy.cross_origin == cors::any_origin) allow_any_origin(ctx, res);
}

// Any origin may read (Fetch standard, CORS protocol), never with credentials and never a reflected
// origin; scripts may read the validator and the pagination links; a preflight learns the route's
// methods and the conditional headers it may send, and may keep that answer for a day.
void dispatcher::allow_any_origin(request_context const& ctx, response& res) {
    if (res.find(field::access_control_allow_origin) == res.end()) res.set(field::access_control_allow_origin, "*");
    res.set(field::access_control_expose_headers, "ETag, Link");
    if (ctx.method != verb::options || res.result() != status::no_content) return;
    res.set(field::access_control_allow_methods, res[field::allow]);
    res.set(field::access_control_allow_headers, "If-None-Match, If-Match");
    res.set(field::access_control_max_age, "86400");
}

void dispatcher::write_head(request_context const& ctx, response const& res, bool keep_alive,
                            std::string& out) const {
    append_status_line(res, out);
    append_fields(res, out);
    append_framing(res, {ctx.is_head(), keep_alive, ctx.req.version()}, out);
    security_.append(res, out);
    append_field("Date", http_date_now(clock_), out);
    out += "Server: Farol\r\n";
    if (!ctx.request_id.empty()) append_field("X-Request-Id", ctx.request_id, out);
    out += "\r\n";
}

void dispatcher::record(exchange_record const& r) const {
    if (observer_) observer_->on_exchange(r);
}

response default_error(request_context const& ctx, status s, std::string_view detail) {
    auto const reason = std::string(boost::beast::http::obsolete_reason(s));
    if (policy_of(ctx.area).errors == error_style::problem_json) return make_problem(s, reason, detail);
    std::string page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width\"><title>" +
                       std::to_string(static_cast<unsigned>(s)) + " " + html_escape(reason) + "</title><h1>" +
                       html_escape(reason) + "</h1><p>" + html_escape(detail) + "</p></html>\n";
    return make_text(s, std::move(page), "text/html; charset=utf-8");
}

} // namespace farol::http
