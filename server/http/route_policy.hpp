#pragma once
#include <cstdint>
#include <string_view>

namespace farol::http {

// The five areas of the server (DESIGN.md, "Areas and route policy"); every route is in one.
enum class area : std::uint8_t { public_site, editor, api, embed, ops };

// How an area answers errors: a page in the reader's language, an editor page, RFC 9457
// problem+json, or a short plain page.
enum class error_style : std::uint8_t { reader_page, editor_page, problem_json, plain };

// Cross-origin reads: none, or any origin without credentials (never a reflected origin).
enum class cors : std::uint8_t { none, any_origin };

// The request body a route takes, decided from the head before any body byte is read.
enum class body_kind : std::uint8_t { none, form, json, file_stream };

// What every route of an area gets; the dispatcher enforces it in one place, so no handler checks
// a path prefix or strips a header itself.
struct area_policy {
    error_style errors;
    bool sets_cookies; // Set-Cookie may leave this area's responses; everywhere else it is dropped
    bool csrf;         // state-changing requests need a CSRF token and a same-origin check
    http::cors cross_origin;
    bool private_pages; // Cache-Control: no-store and X-Robots-Tag: noindex on every response
};

// DESIGN.md's table: public (reader pages, no cookies), editor (editor pages, the session cookie,
// CSRF), api (problem+json, any origin), embed and ops (plain).
area_policy policy_of(area a);
std::string_view to_string(area a);

} // namespace farol::http
