#include "http/trusted_proxies.hpp"

#include "util/strings.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace farol::http {

namespace ip = boost::asio::ip;

namespace {

ip::address unmapped(ip::address const& a) {
    if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
    return a;
}

std::optional<ip::address> parse_address(std::string_view text) {
    boost::system::error_code ec;
    auto const a = ip::make_address(std::string(text), ec);
    if (ec) return std::nullopt;
    return unmapped(a);
}

// "a.b.c.d/n" or "x::/n", or a bare address as a one-address range.
bool add_entry(std::string_view entry, std::vector<ip::network_v4>& v4, std::vector<ip::network_v6>& v6) {
    boost::system::error_code ec;
    std::string const text(entry);
    if (entry.find('/') == std::string_view::npos) {
        auto const a = parse_address(entry);
        if (!a) return false;
        if (a->is_v4()) v4.emplace_back(a->to_v4(), 32);
        else v6.emplace_back(a->to_v6(), 128);
        return true;
    }
    if (entry.find(':') == std::string_view::npos) {
        auto const n = ip::make_network_v4(text, ec);
        if (ec) return false;
        v4.push_back(n.canonical());
        return true;
    }
    auto const n = ip::make_network_v6(text, ec);
    if (ec) return false;
    v6.push_back(n.canonical());
    return true;
}

} // namespace

trusted_proxies trusted_proxies::parse(std::string_view spec) {
    trusted_proxies out;
    std::string normalized(spec);
    for (char& c : normalized)
        if (c == ',' || c == '\t') c = ' ';
    for (auto entry : util::split(normalized, ' ')) {
        if (entry.empty()) continue;
        if (!add_entry(entry, out.v4_, out.v6_))
            throw std::invalid_argument("'" + std::string(entry) + "' is not an IP address or CIDR range");
    }
    return out;
}

bool trusted_proxies::contains(ip::address const& address) const {
    auto const a = unmapped(address);
    if (a.is_v4()) {
        for (auto const& n : v4_)
            if (ip::network_v4(a.to_v4(), 32).is_subnet_of(n) || (n.address() == a.to_v4() && n.prefix_length() == 32))
                return true;
        return false;
    }
    for (auto const& n : v6_)
        if (ip::network_v6(a.to_v6(), 128).is_subnet_of(n) || (n.address() == a.to_v6() && n.prefix_length() == 128))
            return true;
    return false;
}

ip::address trusted_proxies::client_of(ip::address const& peer, std::string_view x_forwarded_for) const {
    auto client = unmapped(peer);
    if (!contains(client)) return client;
    auto const hops = util::split(x_forwarded_for, ',');
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        auto const hop = parse_address(*it);
        if (!hop) break;
        client = *hop;
        if (!contains(client)) break;
    }
    return client;
}

} // namespace farol::http
