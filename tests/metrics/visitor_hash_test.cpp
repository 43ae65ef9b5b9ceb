#include "metrics/visitor_hash.hpp"

#include "schedule/schedule_fixtures.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <set>
#include <thread>
#include <vector>

using farol::metrics::visitor_hasher;
using farol::schedule::testing::must_zone;
using farol::schedule::testing::utc;
using farol::util::fixed_clock;
using namespace std::chrono_literals;
namespace chr = std::chrono;

namespace {

constexpr char const* phone = "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36";

chr::year_month_day ymd(int y, unsigned m, unsigned d) { return chr::year(y) / m / d; }

} // namespace

TEST_CASE("visitor hash: the same reader hashes alike all day, differently after local midnight",
          "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12)); // 09:00 in Sao Paulo (UTC-3)
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    auto const morning = h.hash("203.0.113.7", phone);
    CHECK(h.day() == ymd(2026, 7, 30));
    clock.set(utc(2026, 7, 31, 2, 59, 59)); // 23:59:59 local: still the 30th
    CHECK(h.hash("203.0.113.7", phone) == morning);
    CHECK(h.day() == ymd(2026, 7, 30));
    clock.set(utc(2026, 7, 31, 3)); // 00:00 local
    auto const next_day = h.hash_dated("203.0.113.7", phone);
    CHECK(next_day.value != morning);
    CHECK(next_day.day == ymd(2026, 7, 31));
    CHECK(h.day() == ymd(2026, 7, 31));
    clock.set(utc(2026, 7, 31, 20));
    CHECK(h.hash("203.0.113.7", phone) == next_day.value);
}

TEST_CASE("visitor hash: the user-agent matters, the last IPv4 byte does not", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    auto const base = h.hash("198.51.100.23", phone);
    CHECK(h.hash("198.51.100.0", phone) == base);
    CHECK(h.hash("198.51.100.255", phone) == base);
    CHECK(h.hash("198.51.101.23", phone) != base);
    CHECK(h.hash("199.51.100.23", phone) != base);
    CHECK(h.hash("198.51.100.23", "curl/8.0") != base);
    CHECK(h.hash("198.51.100.23", "") != base);
    CHECK(h.hash(boost::asio::ip::make_address("198.51.100.9"), phone) == base);
}

TEST_CASE("visitor hash: IPv6 is kept to its /48, and IPv4-mapped IPv6 is the IPv4", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    auto const base = h.hash("2001:db8:abcd:12::1", phone);
    CHECK(h.hash("2001:db8:abcd:ffff:1:2:3:4", phone) == base);
    CHECK(h.hash("2001:db8:abcd::", phone) == base);
    CHECK(h.hash("2001:db8:abce:12::1", phone) != base);
    CHECK(h.hash("2001:db9:abcd:12::1", phone) != base);
    CHECK(h.hash("::ffff:192.0.2.44", phone) == h.hash("192.0.2.1", phone));
    CHECK(h.hash("::ffff:c000:22c", phone) == h.hash("192.0.2.200", phone)); // the same, in hex
    CHECK(h.hash("::ffff:192.0.3.44", phone) != h.hash("192.0.2.1", phone));
    // An IPv6 /48 whose bytes spell an IPv4 /24 is a different network.
    CHECK(h.hash("c000:0200::", phone) != h.hash("192.0.2.1", phone));
}

TEST_CASE("visitor hash: text that is no address is hashed as given, apart from every address",
          "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    CHECK(h.hash("unknown", phone) == h.hash("unknown", phone));
    CHECK(h.hash("unknown", phone) != h.hash("unknown2", phone));
    CHECK(h.hash("203.0.113.7:443", phone) != h.hash("203.0.113.7", phone));
    CHECK(h.hash("", phone) != h.hash("0.0.0.0", phone));
    CHECK(h.hash(std::string(100, '1'), phone) == h.hash(std::string(100, '1'), phone));
    // The length prefix keeps the address/user-agent boundary: no shifting of bytes between them.
    CHECK(h.hash("ab", "c") != h.hash("a", "bc"));
}

TEST_CASE("visitor hash: rotation follows New York's midnight across both DST changes", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 3, 8, 12)); // 08:00 EDT; clocks sprang forward at 02:00 EST
    visitor_hasher h(clock, must_zone("America/New_York"));
    auto const sunday = h.hash("192.0.2.1", phone);
    CHECK(h.day() == ymd(2026, 3, 8));
    clock.set(utc(2026, 3, 9, 3, 59, 59)); // 23:59:59 EDT: a 23-hour day, so not yet
    CHECK(h.hash("192.0.2.1", phone) == sunday);
    clock.set(utc(2026, 3, 9, 4)); // 00:00 EDT
    CHECK(h.hash("192.0.2.1", phone) != sunday);
    CHECK(h.day() == ymd(2026, 3, 9));

    clock.set(utc(2026, 11, 1, 12)); // the fall-back day: 25 hours long
    auto const fall = h.hash_dated("192.0.2.1", phone);
    CHECK(fall.day == ymd(2026, 11, 1));
    clock.set(utc(2026, 11, 2, 4, 30)); // 23:30 EST; a 24-hour rule would have rotated at 04:00 UTC
    CHECK(h.hash("192.0.2.1", phone) == fall.value);
    clock.set(utc(2026, 11, 2, 5)); // 00:00 EST
    CHECK(h.hash("192.0.2.1", phone) != fall.value);
    CHECK(h.day() == ymd(2026, 11, 2));
}

TEST_CASE("visitor hash: a skipped or repeated local midnight still ends the day once", "[reach][metrics]") {
    // Sao Paulo's DST began at 00:00 on 2018-11-04 (00:00 became 01:00) and ended at 00:00 on
    // 2019-02-17 (23:00-24:00 of the 16th happened twice).
    fixed_clock clock(utc(2018, 11, 3, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    auto const before = h.hash("192.0.2.1", phone);
    clock.set(utc(2018, 11, 4, 2, 59, 59));
    CHECK(h.hash("192.0.2.1", phone) == before);
    clock.set(utc(2018, 11, 4, 3)); // 01:00 -02, the first instant of the 4th
    CHECK(h.hash("192.0.2.1", phone) != before);
    CHECK(h.day() == ymd(2018, 11, 4));

    clock.set(utc(2019, 2, 16, 12));
    auto const last_dst_day = h.hash("192.0.2.1", phone);
    CHECK(h.day() == ymd(2019, 2, 16));
    clock.set(utc(2019, 2, 17, 2, 30)); // 23:30 -03, the second time round
    CHECK(h.hash("192.0.2.1", phone) == last_dst_day);
    clock.set(utc(2019, 2, 17, 3)); // 00:00 -03
    CHECK(h.hash("192.0.2.1", phone) != last_dst_day);
    CHECK(h.day() == ymd(2019, 2, 17));
}

TEST_CASE("visitor hash: days skipped by the clock, and a clock that steps back", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    clock.set(utc(2026, 8, 4, 12));
    auto const later = h.hash("192.0.2.1", phone);
    CHECK(h.day() == ymd(2026, 8, 4));
    clock.set(utc(2026, 8, 2, 12)); // back: the salt stays, never an older one
    CHECK(h.hash("192.0.2.1", phone) == later);
    CHECK(h.day() == ymd(2026, 8, 4));
}

TEST_CASE("visitor hash: each hasher has its own salt", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12));
    auto const zone = must_zone("America/Sao_Paulo");
    visitor_hasher a(clock, zone);
    visitor_hasher b(clock, zone);
    CHECK(a.hash("192.0.2.1", phone) != b.hash("192.0.2.1", phone));
    // Spread: 1000 networks give 1000 distinct hashes.
    std::set<std::uint64_t> seen;
    for (unsigned i = 0; i < 1000; ++i)
        seen.insert(a.hash("10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".1", phone));
    CHECK(seen.size() == 1000);
}

TEST_CASE("visitor hash: threads hashing across many rotations never mix a salt with another day",
          "[reach][metrics]") {
    fixed_clock clock(utc(2026, 1, 1, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    std::atomic<bool> done{false};
    std::vector<std::vector<farol::metrics::dated_hash>> seen(3);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            while (!done.load()) seen[t].push_back(h.hash_dated("192.0.2.1", phone));
        });
    for (int day = 0; day < 300; ++day) {
        clock.advance(24h);
        std::this_thread::sleep_for(50us);
    }
    done = true;
    for (auto& t : threads) t.join();
    std::map<int, std::set<std::uint64_t>> by_day;
    std::size_t calls = 0;
    for (auto const& list : seen)
        for (auto const& d : list) {
            by_day[static_cast<int>(chr::sys_days(d.day).time_since_epoch().count())].insert(d.value);
            ++calls;
        }
    INFO(calls << " calls over " << by_day.size() << " days");
    CHECK(by_day.size() > 1);
    for (auto const& [day, values] : by_day) CHECK(values.size() == 1); // no torn read
}

TEST_CASE("visitor hash: a memo answers for its network under the same salt only", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 30, 12));
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    auto const client = boost::asio::ip::make_address("203.0.113.7");
    farol::metrics::visitor_memo memo;
    auto const first = h.hash_dated(client, phone, memo);
    CHECK(first.value == h.hash("203.0.113.7", phone));
    CHECK(memo.key == h.key_of(client));
    CHECK(h.hash_dated(client, phone, memo).value == first.value);
    // The same /24 shares the key; another network does not, and takes the memo over.
    CHECK(h.key_of(boost::asio::ip::make_address("203.0.113.200")) == memo.key);
    auto const elsewhere = boost::asio::ip::make_address("198.51.100.7");
    CHECK_FALSE(h.key_of(elsewhere) == memo.key);
    CHECK(h.hash_dated(elsewhere, phone, memo).value == h.hash("198.51.100.7", phone));
    CHECK(h.hash_dated(client, phone, memo).value == first.value);
    // IPv6 keys are the /48.
    auto const v6 = boost::asio::ip::make_address("2001:db8:aa:1::5");
    CHECK(h.key_of(v6) == h.key_of(boost::asio::ip::make_address("2001:db8:aa:ffff::1")));
    CHECK_FALSE(h.key_of(v6) == h.key_of(boost::asio::ip::make_address("2001:db8:ab::5")));
    // After local midnight the memo's salt is gone: a new hash, dated the new day.
    clock.set(utc(2026, 7, 31, 3));
    CHECK_FALSE(h.key_of(client) == memo.key);
    auto const next_day = h.hash_dated(client, phone, memo);
    CHECK(next_day.value != first.value);
    CHECK(next_day.day == ymd(2026, 7, 31));
    // Another hasher never takes this one's memo, even for the same network.
    visitor_hasher other(clock, must_zone("America/Sao_Paulo"));
    CHECK(other.hash_dated(client, phone, memo).value == other.hash("203.0.113.7", phone));
}

TEST_CASE("visitor hash: a key made at the request's arrival rotates at midnight like the clock", "[reach][metrics]") {
    fixed_clock clock(utc(2026, 7, 31, 2, 59, 59)); // 23:59:59 in Sao Paulo
    visitor_hasher h(clock, must_zone("America/Sao_Paulo"));
    auto const client = boost::asio::ip::make_address("203.0.113.7");
    auto const before = h.key_of(client, clock.now());
    CHECK(h.day() == ymd(2026, 7, 30));
    // A request that arrived at midnight: its key is the new salt's, though the clock was not read.
    auto const after = h.key_of(client, utc(2026, 7, 31, 3));
    CHECK_FALSE(after == before);
    CHECK(after.sequence > before.sequence);
    clock.set(utc(2026, 7, 31, 3));
    CHECK(h.day() == ymd(2026, 7, 31));
    CHECK(h.key_of(client) == after);
}
