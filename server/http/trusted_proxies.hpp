#pragma once
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include <string_view>
#include <vector>

namespace farol::http {

// The reverse proxies (addresses and CIDR ranges) whose X-Forwarded-For Farol believes. Anyone can
// send that header; only a trusted peer's copy says who the client is.
class trusted_proxies {
public:
    // Addresses and ranges separated by spaces or commas: "127.0.0.1 10.0.0.0/8 ::1 fd00::/8".
    // An empty spec trusts nobody. Throws std::invalid_argument naming the first bad entry.
    static trusted_proxies parse(std::string_view spec);

    bool empty() const { return v4_.empty() && v6_.empty(); }
    bool contains(boost::asio::ip::address const& a) const;

    // The client as far as it can be known: the peer itself, or, when the peer is trusted, the
    // right-most X-Forwarded-For address that is not trusted (the hops to its right are our own
    // proxies; anything to its left the client could have written). Malformed entries end the walk.
    // IPv4-mapped IPv6 addresses are taken as IPv4.
    boost::asio::ip::address client_of(boost::asio::ip::address const& peer, std::string_view x_forwarded_for) const;

private:
    std::vector<boost::asio::ip::network_v4> v4_;
    std::vector<boost::asio::ip::network_v6> v6_;
};

} // namespace farol::http
