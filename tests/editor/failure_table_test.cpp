#include "editor/failure_table.hpp"

#include <catch2/catch.hpp>

using namespace farol::editor;
using namespace std::chrono_literals;

namespace {
failure_table::time_point const t0(std::chrono::hours(24 * 365 * 54));
failure_table::key key_of(unsigned char b) { return {b}; }
} // namespace

TEST_CASE("a failure table doubles the wait from the allowed count up to its cap", "[editor][throttle]") {
    failure_table table({2, 60s, 10s, 100});
    auto const k = key_of(1);
    CHECK_FALSE(table.wait(k, t0));
    table.fail(k, t0);
    CHECK_FALSE(table.wait(k, t0));
    table.fail(k, t0);
    CHECK(table.wait(k, t0) == 1s);
    CHECK(table.wait(k, t0 + 250ms) == 750ms); // exact; rounding is the caller's business
    CHECK_FALSE(table.wait(k, t0 + 1s));
    table.fail(k, t0);
    CHECK(table.wait(k, t0) == 2s);
    for (int i = 0; i < 100; ++i) table.fail(k, t0); // no overflow however many
    CHECK(table.wait(k, t0) == 10s);
    CHECK_FALSE(table.wait(key_of(2), t0));
    table.forget(k);
    CHECK_FALSE(table.wait(k, t0));
    CHECK(table.size() == 0);
}

TEST_CASE("a failure table drops its oldest key when full", "[editor][throttle]") {
    failure_table table({1, 60s, 10s, 2});
    table.fail(key_of(1), t0);
    CHECK(table.wait(key_of(1), t0) == 1s); // one failure allowed, the next attempt waits
    table.fail(key_of(2), t0);
    table.fail(key_of(3), t0 + 1s); // full: key 1, the oldest, goes
    CHECK(table.size() == 2);
    table.fail(key_of(1), t0 + 1s);
    CHECK(table.wait(key_of(1), t0 + 1s) == 1s); // a first failure again, not a second (2 s)
    CHECK(table.size() == 2);
}

TEST_CASE("a failure table needs at least one allowed failure and one key", "[editor][throttle]") {
    CHECK_THROWS_AS(failure_table({0, 60s, 10s, 2}), std::invalid_argument);
    CHECK_THROWS_AS(failure_table({1, 60s, 10s, 0}), std::invalid_argument);
}
