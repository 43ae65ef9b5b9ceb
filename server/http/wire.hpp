#pragma once
#include "http/body.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace farol::http {

// A response head as sent: status line, Beast's fields, the payload's prebuilt lines, the framing
// fields, then whatever the caller adds, then the blank line. Written into one buffer a connection reuses.
void append_status_line(response const& res, std::string& out);
// Beast's fields and the prebuilt lines, except the framing fields (Content-Length, Transfer-Encoding,
// Connection, Keep-Alive): those are the writer's alone, see append_framing.
void append_fields(response const& res, std::string& out);
void append_field(std::string_view name, std::string_view value, std::string& out);

// Whether a response with this status carries content: never for 1xx, 204 and 304 (RFC 9110 §6.4.1).
bool status_has_content(unsigned status);

// How the exchange is framed on the wire (RFC 9112 §6 and §9.3).
struct framing {
    bool head_request = false;   // a HEAD: Content-Length is the GET's, no content follows
    bool keep_alive = true;      // the connection stays open after this response
    unsigned request_version = 11;
};

// Content-Length for statuses that carry content (the GET's length for HEAD; none for 1xx, 204, 304,
// RFC 9110 §8.6), and Connection: close when the connection ends, or keep-alive to confirm a
// persistent HTTP/1.0 connection (RFC 9112 §9.3).
void append_framing(response const& res, framing const& f, std::string& out);

// The content bytes that follow the head: none for HEAD or a status without content.
std::string_view content_to_send(response const& res, bool head_request);

// Status line, fields, framing and the blank line: the whole head of `res`.
void append_head(response const& res, framing const& f, std::string& out);
inline void append_head(response const& res, std::string& out) { append_head(res, framing{}, out); }

} // namespace farol::http
