#pragma once
#include "http/body.hpp"

#include <string>
#include <string_view>

namespace farol::http {

// Builders for the common shapes. Each sets Content-Type; Content-Length is the writer's (http/wire.hpp).
response make_bytes(status s, shared_bytes body, std::string_view content_type);
response make_text(status s, std::string text, std::string_view content_type = "text/plain; charset=utf-8");
response make_json(status s, std::string json);
// RFC 9457 problem details for the API.
response make_problem(status s, std::string_view title, std::string_view detail);
response make_redirect(status s, std::string_view location);
response make_empty(status s);

// Escapes text for HTML element content and quoted attribute values.
std::string html_escape(std::string_view s);

} // namespace farol::http
