#include "metrics/event_buffers.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <map>
#include <set>
#include <span>
#include <thread>

using namespace farol::metrics;

namespace {
reach_event event(std::string campaign, std::uint64_t visitor) {
    reach_event e;
    e.day = std::chrono::year(2026) / 7 / 30;
    e.campaign = std::move(campaign);
    e.language = "pt-BR";
    e.visitor = visitor;
    return e;
}
} // namespace

TEST_CASE("event buffers: every thread's events come out once, in each thread's order", "[reach][metrics]") {
    event_buffers buffers;
    constexpr int threads = 4, per_thread = 5000;
    std::vector<std::thread> pool;
    std::vector<reach_event> drained;
    std::atomic<bool> done{false};
    // The flusher drains while the threads record: nothing may be lost or seen twice.
    std::thread flusher([&] {
        while (!done) {
            auto batch = buffers.drain();
            drained.insert(drained.end(), batch.begin(), batch.end());
        }
    });
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) buffers.record(event("c" + std::to_string(t), static_cast<std::uint64_t>(i)));
        });
    for (auto& th : pool) th.join();
    done = true;
    flusher.join();
    auto rest = buffers.drain();
    drained.insert(drained.end(), rest.begin(), rest.end());
    REQUIRE(drained.size() == threads * per_thread);
    std::map<std::string, std::uint64_t> next;
    for (auto const& e : drained) {
        CHECK(*e.visitor == next[e.campaign]); // in order per thread
        next[e.campaign] = *e.visitor + 1;
    }
    CHECK(buffers.drain().empty());
    CHECK(buffers.dropped() == 0);
}

TEST_CASE("event buffers: a full buffer drops and counts, never grows past its bound", "[reach][metrics]") {
    event_buffers buffers;
    for (std::size_t i = 0; i < event_buffers::max_per_thread + 10; ++i) buffers.record(event("c", i));
    CHECK(buffers.dropped() == 10);
    CHECK(buffers.drain().size() == event_buffers::max_per_thread);
    buffers.record(event("c", 1)); // room again once drained
    CHECK(buffers.drain().size() == 1);
    // Two instances on one thread keep their events apart.
    event_buffers other;
    other.record(event("x", 1));
    buffers.record(event("y", 2));
    other.record(event("x", 3));
    CHECK(other.drain().size() == 2);
    CHECK(buffers.drain().size() == 1);
}

TEST_CASE("event buffers: each thread's buffer has cache lines of its own", "[reach][metrics]") {
    // Two io threads recording at once must not write to one cache line (false sharing).
    STATIC_REQUIRE(alignof(event_buffers::buffer) >= 64);
    STATIC_REQUIRE(sizeof(event_buffers::buffer) % 64 == 0);
}

TEST_CASE("event buffers: draining keeps the buffers' capacity, so a warm second allocates nothing",
          "[reach][metrics]") {
    event_buffers buffers;
    std::vector<reach_event> out;
    for (int second = 0; second < 3; ++second) {
        for (std::uint64_t i = 0; i < 100; ++i) buffers.record(event("c", i));
        out.clear();
        buffers.drain(out);
        CHECK(out.size() == 100);
    }
    auto const warm = buffers.capacity_bytes();
    CHECK(warm >= 2 * 100 * sizeof(reach_event)); // both vectors of the pair, each grown once
    for (std::uint64_t i = 0; i < 100; ++i) buffers.record(event("c", i));
    out.clear();
    buffers.drain(out);
    CHECK(out.size() == 100);
    CHECK(buffers.capacity_bytes() == warm);
}

TEST_CASE("event buffers: the same reader again in the same cell adds to a recent event's count", "[reach][metrics]") {
    event_buffers buffers;
    buffers.record(event("c", 7));
    buffers.record(event("c", 7));
    buffers.record(event("c", 8)); // another reader: an event of its own
    auto elsewhere = event("c", 7);
    elsewhere.language = "es";      // another cell
    buffers.record(elsewhere);
    auto preview = event("c", 0);
    preview.event = event_kind::preview;
    preview.visitor.reset();
    buffers.record(preview);
    buffers.record(preview); // previews have no visitor: they fold as well
    auto const out = buffers.drain();
    REQUIRE(out.size() == 4);
    CHECK(out[0].count == 2);
    CHECK(*out[0].visitor == 7);
    CHECK(out[1].count == 1);
    CHECK(*out[1].visitor == 8);
    CHECK(out[2].language == "es");
    CHECK(out[3].count == 2);
    // A partner's view and widget click, recorded in turn, fold into their two events.
    auto view = event("c", 9);
    view.from = {source_kind::partner, "casa"};
    auto click = view;
    click.event = event_kind::widget_click;
    for (int i = 0; i < 3; ++i) {
        buffers.record(click);
        buffers.record(view);
    }
    auto const pair = buffers.drain();
    REQUIRE(pair.size() == 2);
    CHECK(pair[0].event == event_kind::widget_click);
    CHECK(pair[0].count == 3);
    CHECK(pair[1].count == 3);
    CHECK(pair[1].from.partner == "casa");
}

TEST_CASE("event buffers: a ticket counts its event again until the next drain, all or none", "[reach][metrics]") {
    event_buffers buffers;
    auto const a = buffers.record(event("a", 1));
    auto const b = buffers.record(event("b", 2));
    CHECK(buffers.count_again(std::array{a, b}));
    CHECK(buffers.count_again(std::array{a}));
    auto const out = buffers.drain();
    REQUIRE(out.size() == 2);
    CHECK(out[0].count == 3);
    CHECK(out[1].count == 2);
    // Drained: the tickets name entries that are gone, and nothing is counted.
    buffers.record(event("c", 3));
    CHECK_FALSE(buffers.count_again(std::array{a}));
    // Another instance's ticket is refused, and a dropped event has no entry to count again.
    event_buffers other;
    auto const theirs = other.record(event("a", 1));
    CHECK_FALSE(buffers.count_again(std::array{theirs}));
    CHECK_FALSE(buffers.count_again(std::span<event_buffers::ticket const>{}));
    auto const fresh = buffers.record(event("d", 4));
    CHECK_FALSE(buffers.count_again(std::array{fresh, event_buffers::ticket{}}));
    auto const left = buffers.drain();
    REQUIRE(left.size() == 2);
    CHECK(left[0].count == 1);
    CHECK(left[1].count == 1); // the refused pair counted neither
    CHECK(other.drain().at(0).count == 1);
}
