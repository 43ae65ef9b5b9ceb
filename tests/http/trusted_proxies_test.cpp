#include "http/trusted_proxies.hpp"

#include "http/dispatcher.hpp"
#include "support/request_builder.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

using farol::http::trusted_proxies;
namespace ip = boost::asio::ip;

namespace {
ip::address a(char const* s) { return ip::make_address(s); }
} // namespace

TEST_CASE("trusted proxies: addresses and CIDR ranges, v4 and v6", "[http][proxy]") {
    auto const t = trusted_proxies::parse("127.0.0.1, 10.0.0.0/8 ::1 fd00::/8");
    CHECK(t.contains(a("127.0.0.1")));
    CHECK_FALSE(t.contains(a("127.0.0.2")));
    CHECK(t.contains(a("10.1.2.3")));
    CHECK_FALSE(t.contains(a("11.0.0.1")));
    CHECK(t.contains(a("::1")));
    CHECK(t.contains(a("fd12::7")));
    CHECK_FALSE(t.contains(a("2001:db8::1")));
    CHECK(t.contains(a("::ffff:10.0.0.9"))); // a v4 peer on a v6 socket
    CHECK(trusted_proxies::parse("").empty());
    CHECK(trusted_proxies::parse("10.0.0.1/8").contains(a("10.200.0.1"))); // host bits are ignored
    for (char const* bad : {"10.0.0.0/33", "localhost", "1.2.3", "::1/129", "10.0.0.0/", "/8"}) {
        INFO(bad);
        CHECK_THROWS_AS(trusted_proxies::parse(bad), std::invalid_argument);
    }
}

TEST_CASE("the client is the peer unless a trusted proxy forwarded for it", "[http][proxy]") {
    auto const t = trusted_proxies::parse("10.0.0.0/8");
    // An untrusted peer's X-Forwarded-For is anyone's invention.
    CHECK(t.client_of(a("203.0.113.9"), "198.51.100.1") == a("203.0.113.9"));
    // A trusted peer: the right-most address that is not one of ours.
    CHECK(t.client_of(a("10.0.0.2"), "198.51.100.1") == a("198.51.100.1"));
    CHECK(t.client_of(a("10.0.0.2"), "1.1.1.1, 198.51.100.1, 10.0.0.5") == a("198.51.100.1"));
    CHECK(t.client_of(a("10.0.0.2"), "") == a("10.0.0.2"));
    // Garbage ends the walk at the last address known good.
    CHECK(t.client_of(a("10.0.0.2"), "1.1.1.1, nonsense, 10.0.0.5") == a("10.0.0.5"));
    CHECK(t.client_of(a("10.0.0.2"), " 2001:db8::1 ") == a("2001:db8::1"));
    CHECK(trusted_proxies{}.client_of(a("10.0.0.2"), "198.51.100.1") == a("10.0.0.2"));
}

TEST_CASE("the dispatcher resolves the request's client once, before routing", "[http][proxy]") {
    farol::util::fixed_clock clock(farol::test::test_epoch());
    farol::http::dispatcher_options options;
    options.proxies = trusted_proxies::parse("127.0.0.1");
    farol::http::dispatcher d(farol::http::router{}, options, clock);

    farol::test::request_builder via_proxy("/x");
    via_proxy.header("X-Forwarded-For", "198.51.100.7").header("x-forwarded-for", "127.0.0.1");
    via_proxy.context().peer = a("127.0.0.1");
    d.prepare(via_proxy.context());
    CHECK(via_proxy.context().client == a("198.51.100.7"));

    farol::test::request_builder direct("/x");
    direct.header("X-Forwarded-For", "198.51.100.7");
    direct.context().peer = a("203.0.113.1");
    d.prepare(direct.context());
    CHECK(direct.context().client == a("203.0.113.1"));
}
