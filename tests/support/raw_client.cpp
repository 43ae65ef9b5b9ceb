#include "support/raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace farol::test {

std::string reply::header(std::string const& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

raw_client::raw_client(std::uint16_t port, int rcvbuf, std::uint32_t source) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    if (rcvbuf > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    if (source != 0) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(source);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
            ::close(fd_);
            throw std::runtime_error("bind to the source address failed");
        }
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd_);
        throw std::runtime_error("connect failed");
    }
}

raw_client::~raw_client() {
    if (fd_ >= 0) ::close(fd_);
}

void raw_client::send(std::string_view bytes) {
    while (!bytes.empty()) {
        auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("send failed");
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void raw_client::shutdown_write() { ::shutdown(fd_, SHUT_WR); }

bool raw_client::fill(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char tmp[65536];
    auto n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<std::size_t>(n));
    return true;
}

std::string raw_client::read_some(std::size_t n, std::chrono::milliseconds timeout) {
    if (buf_.empty() && !fill(timeout)) return {};
    auto const take = std::min(n, buf_.size());
    std::string out = buf_.substr(0, take);
    buf_.erase(0, take);
    return out;
}

std::optional<reply> raw_client::read_reply(bool no_body, std::chrono::milliseconds timeout) {
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
        if (!fill(timeout)) return std::nullopt;
    std::string head = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    reply r;
    auto line_end = head.find("\r\n");
    auto const status_line = head.substr(0, line_end);
    if (status_line.size() < 12) return std::nullopt;
    r.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
        auto const next = head.find("\r\n", line_end + 2);
        auto const line = head.substr(line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
        auto const colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), ::tolower);
            auto value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            r.headers.emplace(name, value);
        }
        line_end = next;
    }
    if (no_body || r.status == 304 || r.status == 204 || r.status / 100 == 1) return r;
    std::size_t const length = r.has("content-length") ? std::stoull(r.header("content-length")) : 0;
    while (buf_.size() < length)
        if (!fill(timeout)) return std::nullopt;
    r.body = buf_.substr(0, length);
    buf_.erase(0, length);
    return r;
}

bool raw_client::closed_within(std::chrono::milliseconds timeout) {
    auto const deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
        char tmp[65536];
        auto n = ::recv(fd_, tmp, sizeof tmp, 0);
        if (n <= 0) return true;
    }
}

reply request(std::uint16_t port, std::string const& raw, bool no_body) {
    raw_client c(port);
    c.send(raw);
    auto r = c.read_reply(no_body);
    if (!r) throw std::runtime_error("no reply to: " + raw.substr(0, raw.find('\r')));
    return *r;
}

reply get_from(unsigned host, std::uint16_t port, std::string const& target, std::string const& extra_headers) {
    raw_client c(port, 0, (127u << 24) | (host & 0xffu));
    c.send("GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "Connection: close\r\n\r\n");
    auto r = c.read_reply();
    if (!r) throw std::runtime_error("no reply to GET " + target);
    return *r;
}

reply get(std::uint16_t port, std::string const& target, std::string const& extra_headers) {
    return request(port, "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "Connection: close\r\n\r\n");
}

} // namespace farol::test
