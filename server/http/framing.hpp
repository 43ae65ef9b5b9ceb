#pragma once
#include "http/request_context.hpp"

#include <optional>
#include <string>

namespace farol::http {

// Rejects ambiguous message framing that Beast 1.81 lets through (request smuggling):
// Transfer-Encoding other than exactly "chunked", TE with Content-Length, repeated or
// list-valued Content-Length, Transfer-Encoding on HTTP/1.0. Returns the reason, if any.
std::optional<std::string> ambiguous_framing(boost::beast::http::request_header<> const& head);

} // namespace farol::http
