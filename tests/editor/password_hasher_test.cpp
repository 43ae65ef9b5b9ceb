#include "editor/password_hasher.hpp"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace farol::editor;
using outcome = password_hasher::outcome;

namespace {

// The cheapest hash libsodium allows, so the functional tests stay fast.
hasher_limits cheap(unsigned concurrent = 2, unsigned queue = 16) {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, concurrent, queue};
}

// Holds every hash that enters a slot until opened, and records the order they entered in.
class gate {
public:
    std::function<void()> hook() {
        return [this] {
            std::unique_lock lock(mutex_);
            order_.push_back(std::this_thread::get_id());
            opened_.wait(lock, [&] { return open_; });
        };
    }
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        opened_.notify_all();
    }
    std::vector<std::thread::id> order() {
        std::lock_guard lock(mutex_);
        return order_;
    }

private:
    std::mutex mutex_;
    std::condition_variable opened_;
    bool open_ = false;
    std::vector<std::thread::id> order_;
};

// Spins (no fixed sleep) until `done`, for at most 20 s.
bool eventually(std::function<bool()> const& done) {
    auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::yield();
    }
    return true;
}

double median(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double elapsed_ms(std::function<void()> const& work) {
    auto const start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TEST_CASE("a hash verifies its own password and no other", "[editor][hasher]") {
    password_hasher hasher(cheap());
    auto const stored = hasher.hash("correct horse battery staple");
    REQUIRE(stored);
    CHECK(stored->rfind("$argon2id$", 0) == 0);
    CHECK(*stored != *hasher.hash("correct horse battery staple")); // a fresh salt each time

    auto const right = hasher.verify(*stored, "correct horse battery staple");
    CHECK(right.result == outcome::ok);
    CHECK_FALSE(right.needs_rehash);
    for (char const* wrong : {"correct horse battery stapl", "Correct horse battery staple", ""}) {
        auto const v = hasher.verify(*stored, wrong);
        CHECK(v.result == outcome::mismatch);
        CHECK_FALSE(v.needs_rehash);
    }
    // Passwords are bytes: a NUL inside counts.
    auto const with_nul = hasher.hash(std::string_view("ab\0cd", 5));
    CHECK(hasher.verify(*with_nul, std::string_view("ab\0cd", 5)).result == outcome::ok);
    CHECK(hasher.verify(*with_nul, "ab").result == outcome::mismatch);
}

TEST_CASE("a hash made with other limits verifies and asks to be rehashed", "[editor][hasher]") {
    password_hasher weaker(cheap());
    password_hasher stronger({crypto_pwhash_OPSLIMIT_MIN + 1, 2 * crypto_pwhash_MEMLIMIT_MIN});
    auto const old_hash = weaker.hash("a password of some length");
    auto const v = stronger.verify(*old_hash, "a password of some length");
    CHECK(v.result == outcome::ok);
    CHECK(v.needs_rehash);
    CHECK_FALSE(stronger.verify(*stronger.hash("x"), "x").needs_rehash);
    // A wrong password says nothing about the hash's limits.
    CHECK_FALSE(stronger.verify(*old_hash, "wrong").needs_rehash);

    // argon2i, the older variant, still verifies and is moved to argon2id.
    std::array<char, crypto_pwhash_argon2i_STRBYTES> argon2i{};
    REQUIRE(crypto_pwhash_argon2i_str(argon2i.data(), "pw", 2, 3, crypto_pwhash_argon2i_MEMLIMIT_MIN) == 0);
    auto const legacy = stronger.verify(argon2i.data(), "pw");
    CHECK(legacy.result == outcome::ok);
    CHECK(legacy.needs_rehash);
}

TEST_CASE("a stored value that is not a hash is a mismatch", "[editor][hasher]") {
    password_hasher hasher(cheap());
    auto const good = *hasher.hash("pw");
    std::vector<std::string> const not_hashes{"", "!", "pw", "$argon2id$nonsense", good.substr(0, good.size() - 5),
                                              good + std::string(200, 'A'),
                                              good.substr(0, 10) + std::string(1, '\0') + good.substr(10)};
    for (auto const& bad : not_hashes) {
        auto const v = hasher.verify(bad, "pw");
        CHECK(v.result == outcome::mismatch);
        CHECK_FALSE(v.needs_rehash);
    }
}

TEST_CASE("an unknown account is always a mismatch", "[editor][hasher]") {
    password_hasher hasher(cheap());
    for (char const* password : {"", "pw", "correct horse battery staple"}) {
        auto const v = hasher.verify_unknown(password);
        CHECK(v.result == outcome::mismatch);
        CHECK_FALSE(v.needs_rehash);
    }
}

TEST_CASE("callers beyond the running and waiting ones are told busy at once", "[editor][hasher]") {
    gate held;
    password_hasher hasher(cheap(1, 1), held.hook());
    auto const stored = *password_hasher(cheap()).hash("pw");

    std::optional<std::string> first;
    std::thread runner([&] { first = hasher.hash("one"); });
    REQUIRE(eventually([&] { return hasher.running() == 1; }));
    password_hasher::verified second{};
    std::thread waiter([&] { second = hasher.verify(stored, "pw"); });
    REQUIRE(eventually([&] { return hasher.waiting() == 1; }));

    CHECK_FALSE(hasher.hash("three"));
    CHECK(hasher.verify(stored, "pw").result == outcome::busy);
    CHECK(hasher.verify_unknown("pw").result == outcome::busy);
    CHECK(hasher.running() == 1);
    CHECK(hasher.waiting() == 1);

    held.open();
    runner.join();
    waiter.join();
    REQUIRE(first);
    CHECK(hasher.verify(*first, "one").result == outcome::ok);
    CHECK(second.result == outcome::ok);
    CHECK(hasher.running() == 0);
    CHECK(hasher.waiting() == 0);
}

TEST_CASE("waiting callers get slots in the order they came", "[editor][hasher]") {
    gate held;
    password_hasher hasher(cheap(1, 3), held.hook());
    std::vector<std::thread> threads;
    std::vector<std::thread::id> arrivals;
    threads.emplace_back([&] { hasher.verify_unknown("holder"); });
    arrivals.push_back(threads.back().get_id());
    REQUIRE(eventually([&] { return hasher.running() == 1; }));
    for (unsigned i = 1; i <= 3; ++i) {
        threads.emplace_back([&] { hasher.verify_unknown("waiter"); });
        arrivals.push_back(threads.back().get_id());
        REQUIRE(eventually([&] { return hasher.waiting() == i; }));
    }
    CHECK(hasher.verify_unknown("late").result == outcome::busy);
    held.open();
    for (auto& t : threads) t.join();
    CHECK(held.order() == arrivals);
}

TEST_CASE("two slots serve two callers at once", "[editor][hasher]") {
    gate held;
    password_hasher hasher(cheap(2, 0), held.hook());
    std::thread a([&] { hasher.verify_unknown("a"); });
    std::thread b([&] { hasher.verify_unknown("b"); });
    REQUIRE(eventually([&] { return hasher.running() == 2; }));
    CHECK(hasher.verify_unknown("c").result == outcome::busy); // no queue at all
    held.open();
    a.join();
    b.join();
    CHECK(hasher.verify_unknown("d").result == outcome::mismatch);
}

TEST_CASE("an unknown account takes as long as a wrong password", "[editor][hasher]") {
    // Cheap enough for a test, costly enough (milliseconds) to measure.
    password_hasher hasher({2, std::size_t{8} << 20, 1, 0});
    auto const stored = *hasher.hash("the real password");
    auto const within = [](double x, double reference) { return std::abs(x - reference) <= 0.2 * reference; };
    double w = 0, u = 0, n = 0;
    // A busy machine can skew a round; a real difference skews every one.
    for (int round = 0; round < 5; ++round) {
        std::vector<double> wrong, unknown, not_a_hash;
        for (int i = 0; i < 15; ++i) { // interleaved, so a slow moment hits all three alike
            wrong.push_back(elapsed_ms([&] { hasher.verify(stored, "a wrong guess"); }));
            unknown.push_back(elapsed_ms([&] { hasher.verify_unknown("a wrong guess"); }));
            not_a_hash.push_back(elapsed_ms([&] { hasher.verify("!", "a wrong guess"); }));
        }
        w = median(wrong), u = median(unknown), n = median(not_a_hash);
        if (within(u, w) && within(n, w)) break;
    }
    INFO("median ms: wrong password " << w << ", unknown account " << u << ", not a hash " << n);
    CHECK(w > 1.0); // argon2id really ran
    CHECK(within(u, w));
    CHECK(within(n, w));
}

TEST_CASE("limits below libsodium's minimums or no slot at all are refused", "[editor][hasher]") {
    CHECK_THROWS_AS(password_hasher({0, crypto_pwhash_MEMLIMIT_MIN}), std::invalid_argument);
    CHECK_THROWS_AS(password_hasher({crypto_pwhash_OPSLIMIT_MIN, 1024}), std::invalid_argument);
    CHECK_THROWS_AS(password_hasher(cheap(0, 4)), std::invalid_argument);
    CHECK_NOTHROW(password_hasher(cheap(1, 0)));
    auto const d = interactive();
    CHECK(d.opslimit == crypto_pwhash_OPSLIMIT_INTERACTIVE);
    CHECK(d.memlimit == crypto_pwhash_MEMLIMIT_INTERACTIVE);
    CHECK(d.concurrent == 2);
    CHECK(d.queue == 16);
}
