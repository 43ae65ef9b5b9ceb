#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace farol::net {

// Named limits and timeouts of the HTTP server; each is a config value (see app/config).
struct limits {
    std::size_t max_head = 8 * 1024;          // request line + headers -> 431
    std::size_t max_target = 8 * 1024;        // request target -> 414
    std::uint64_t max_body = 1024 * 1024;     // default per-route body limit -> 413
    std::size_t max_connections = 10000;      // beyond this, accepting pauses
    std::size_t max_pipelined = 16;           // requests queued back to back before we close
    std::size_t keepalive_requests = 1000;    // requests per connection
    std::size_t max_uploads = 16;             // request bodies streamed to disk at once -> 503
    std::chrono::milliseconds head_timeout{10000};      // whole request head, from its first byte
    std::chrono::milliseconds keepalive_timeout{30000}; // waiting for the next request
    std::chrono::milliseconds idle_timeout{30000};      // no progress while reading a body or writing
    std::chrono::milliseconds shutdown_timeout{5000};   // grace for in-flight requests on stop
};

} // namespace farol::net
