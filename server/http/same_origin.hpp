#pragma once
#include <string_view>

namespace farol::http {

struct request_context;

// Whether a state-changing request comes from a page of this site (OWASP CSRF cheat sheet,
// "Verifying origin with standard headers"; W3C Fetch Metadata). Sec-Fetch-Site, when sent,
// decides: it must be same-origin. Without it, Origin must be `public_origin` ("https://host[:port]",
// may be empty) or name the request's own Host; "null" is refused. A request with neither header is
// refused: every browser the editor supports sends one on a POST, so only a forged or scripted
// request lacks both.
bool from_same_origin(request_context const& ctx, std::string_view public_origin);

} // namespace farol::http
