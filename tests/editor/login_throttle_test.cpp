#include "editor/login_throttle.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace farol::editor;
using namespace std::chrono_literals;
using farol::util::fixed_clock;
namespace ip = boost::asio::ip;

namespace {

fixed_clock::time_point start() { return fixed_clock::time_point(std::chrono::hours(24 * 365 * 54)); }

ip::address a(char const* s) { return ip::make_address(s); }

// A different IPv4 address for each n, so only the name's record builds up.
ip::address nth_address(unsigned n) { return ip::address_v4(0x0A000000u + n); }

std::optional<std::chrono::seconds> wait(login_throttle const& t, std::string_view name, unsigned n = 0) {
    return t.retry_after(name, nth_address(n));
}

} // namespace

TEST_CASE("five failures go ahead, then each attempt waits twice as long", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    for (unsigned i = 0; i < 5; ++i) {
        CHECK_FALSE(wait(throttle, "maria", i));
        throttle.record_failure("maria", nth_address(i));
    }
    std::chrono::seconds expected = 1s;
    for (unsigned failure = 6; failure <= 15; ++failure) {
        INFO("before failure " << failure);
        CHECK(wait(throttle, "maria", failure) == expected);
        clock.advance(expected - 1ms);
        CHECK(wait(throttle, "maria", failure) == 1s); // a part of a second rounds up
        clock.advance(1ms);
        CHECK_FALSE(wait(throttle, "maria", failure));
        throttle.record_failure("maria", nth_address(failure));
        expected = std::min(expected * 2, std::chrono::seconds(900));
    }
    CHECK(wait(throttle, "maria") == 900s);
    clock.advance(299s);
    CHECK(wait(throttle, "maria") == 601s);
}

TEST_CASE("the wait stops growing at 15 minutes", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    for (unsigned i = 0; i < 40; ++i) throttle.record_failure("maria", nth_address(i));
    CHECK(wait(throttle, "maria") == 900s);
}

TEST_CASE("a name is forgotten 15 minutes after its last failure", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    for (unsigned i = 0; i < 6; ++i) throttle.record_failure("maria", nth_address(i));
    clock.advance(15min - 1s);
    // Still remembered: one more failure is the seventh.
    throttle.record_failure("maria", nth_address(6));
    CHECK(wait(throttle, "maria") == 4s);

    clock.advance(15min);
    CHECK_FALSE(wait(throttle, "maria"));
    // The count starts again: four more go ahead, the fifth makes the next one wait.
    for (unsigned i = 0; i < 4; ++i) {
        throttle.record_failure("maria", nth_address(10 + i));
        CHECK_FALSE(wait(throttle, "maria"));
    }
    throttle.record_failure("maria", nth_address(20));
    CHECK(wait(throttle, "maria") == 1s);
}

TEST_CASE("account names are throttled ASCII-case-blind, each on its own", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    for (char const* spelling : {"Maria", "MARIA", "maria", "mAria", "mariA"})
        throttle.record_failure(spelling, nth_address(0));
    CHECK(throttle.retry_after("maria", a("192.0.2.1")) == 1s);
    CHECK(throttle.retry_after("MaRiA", a("192.0.2.1")) == 1s);
    CHECK_FALSE(throttle.retry_after("joana", a("192.0.2.1")));
    CHECK_FALSE(throttle.retry_after("maria ", a("192.0.2.1")));
}

TEST_CASE("a right password clears the name's failures, not the address's", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    auto const client = a("198.51.100.7");
    for (unsigned i = 0; i < 19; ++i) throttle.record_failure("maria", client);
    CHECK(throttle.retry_after("maria", a("192.0.2.1")) == 900s);
    throttle.record_success("maria", client);
    CHECK_FALSE(throttle.retry_after("maria", a("192.0.2.1")));
    CHECK_FALSE(throttle.retry_after("maria", client));
    throttle.record_failure("joana", client); // the address's twentieth
    CHECK(throttle.retry_after("maria", client) == 1s);
    CHECK(throttle.retry_after("someone", client) == 1s);
}

TEST_CASE("one address trying many names waits after twenty failures", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    auto const client = a("203.0.113.9");
    for (unsigned i = 0; i < 20; ++i) {
        CHECK_FALSE(throttle.retry_after("user" + std::to_string(i), client));
        throttle.record_failure("user" + std::to_string(i), client);
    }
    CHECK(throttle.retry_after("user99", client) == 1s);
    CHECK_FALSE(throttle.retry_after("user99", a("203.0.113.10")));
    throttle.record_failure("user20", client);
    CHECK(throttle.retry_after("user99", client) == 2s);
}

TEST_CASE("IPv6 addresses in one /64 share a bucket, IPv4 addresses do not", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    for (unsigned i = 0; i < 20; ++i) {
        auto const host = "2001:db8:1:2:" + std::to_string(i) + "::" + std::to_string(i * 7 + 1);
        throttle.record_failure("user" + std::to_string(i), ip::make_address(host));
    }
    CHECK(throttle.retry_after("other", a("2001:db8:1:2:ffff:ffff:ffff:ffff")) == 1s);
    CHECK_FALSE(throttle.retry_after("other", a("2001:db8:1:3::1")));

    for (unsigned i = 0; i < 20; ++i) throttle.record_failure("user" + std::to_string(i), a("192.0.2.1"));
    CHECK(throttle.retry_after("other", a("::ffff:192.0.2.1")) == 1s); // a v4 client on a v6 socket
    CHECK_FALSE(throttle.retry_after("other", a("192.0.2.2")));
}

TEST_CASE("an address is held as its bucket's bytes", "[editor][throttle]") {
    auto const v6 = address_bucket(a("2001:db8:aa:bb:1:2:3:4"));
    failure_table::key const prefix{0x20, 0x01, 0x0d, 0xb8, 0, 0xaa, 0, 0xbb, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK(v6 == prefix);
    failure_table::key const v4{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1};
    CHECK(address_bucket(a("192.0.2.1")) == v4);
    CHECK(address_bucket(a("::ffff:192.0.2.1")) == v4);
    // The all-zero /64 is not any IPv4 address's bucket.
    CHECK(address_bucket(a("::1")) != address_bucket(a("0.0.0.1")));
}

TEST_CASE("memory stays bounded however many names and addresses fail", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    for (unsigned i = 0; i < 100000; ++i) {
        throttle.record_failure("name" + std::to_string(i), nth_address(i));
        clock.advance(1ms);
    }
    CHECK(throttle.tracked() == 2 * 10000);
    // The newest records are the ones kept.
    for (int i = 0; i < 4; ++i) throttle.record_failure("name99999", a("192.0.2.1"));
    CHECK(throttle.retry_after("name99999", a("192.0.2.1")) == 1s);
}

TEST_CASE("when full, expired keys go first, then the oldest failure", "[editor][throttle]") {
    fixed_clock clock(start());
    throttle_limits limits;
    limits.name_failures = 2;
    limits.max_keys = 3;
    login_throttle throttle(clock, limits);
    auto const client = a("192.0.2.1");
    auto const fail = [&](char const* name) { throttle.record_failure(name, client); };

    fail("a");
    fail("x");
    clock.advance(10min);
    fail("b");
    clock.advance(6min); // a and x have expired, b has not
    fail("d");           // both expired names go at once, though one would have made room
    CHECK(throttle.tracked() == 2 + 1);
    fail("b"); // b's second failure: b was kept
    CHECK(throttle.retry_after("b", client) == 1s);

    fail("c");
    fail("e"); // full and nothing expired: d, the oldest failure, goes
    fail("b"); // b was kept: its third failure
    CHECK(throttle.retry_after("b", client) == 2s);
    fail("d"); // d starts over
    CHECK_FALSE(throttle.retry_after("d", client));
    CHECK(throttle.tracked() == 3 + 1);
}

TEST_CASE("the throttle can be used from many threads at once", "[editor][throttle]") {
    fixed_clock clock(start());
    login_throttle throttle(clock);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (unsigned i = 0; i < 1000; ++i) {
                auto const name = std::to_string(t) + "-" + std::to_string(i);
                (void)throttle.retry_after(name, a("192.0.2.1"));
                throttle.record_failure(name, a("192.0.2.1"));
            }
        });
    for (auto& t : threads) t.join();
    CHECK(throttle.tracked() == 4000 + 1);
    CHECK(throttle.retry_after("nobody", a("192.0.2.1")) == 900s);
}
