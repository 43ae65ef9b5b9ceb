#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace farol::test {

struct reply {
    int status = 0;
    std::multimap<std::string, std::string> headers; // names lower-cased
    std::string body;

    std::string header(std::string const& name) const;
    bool has(std::string const& name) const { return headers.count(name) > 0; }
};

// A blocking HTTP/1.1 client over a plain socket, for black-box tests that need byte-level control.
class raw_client {
public:
    // `source`: the local IPv4 address to connect from (any of 127.0.0.0/8 works on loopback); 0 = any.
    explicit raw_client(std::uint16_t port, int rcvbuf = 0, std::uint32_t source = 0);
    ~raw_client();
    raw_client(raw_client const&) = delete;
    raw_client& operator=(raw_client const&) = delete;

    void send(std::string_view bytes);
    // One response; HEAD and 304 responses have no body whatever Content-Length says.
    std::optional<reply> read_reply(bool no_body = false, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // True if the server closes (EOF or reset) within the timeout, draining anything it sends.
    bool closed_within(std::chrono::milliseconds timeout);
    // Reads up to n bytes (blocking up to timeout); empty on EOF or timeout.
    std::string read_some(std::size_t n, std::chrono::milliseconds timeout);
    void shutdown_write();
    int fd() const { return fd_; }

private:
    bool fill(std::chrono::milliseconds timeout);
    int fd_ = -1;
    std::string buf_;
};

// One request on a fresh connection.
reply get(std::uint16_t port, std::string const& target, std::string const& extra_headers = "");
reply request(std::uint16_t port, std::string const& raw, bool no_body = false);
// A GET sent from 127.0.0.<host> (1-254), so the server sees many different client addresses.
reply get_from(unsigned host, std::uint16_t port, std::string const& target, std::string const& extra_headers = "");

} // namespace farol::test
