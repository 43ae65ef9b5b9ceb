#include "metrics/reach_flusher.hpp"

#include <catch2/catch.hpp>

#include "metrics/prometheus.hpp"

#include <condition_variable>
#include <future>
#include <stdexcept>
#include <thread>

using namespace farol;
using namespace farol::metrics;
using namespace std::chrono_literals;

namespace {

reach_event view(std::string campaign, std::uint64_t visitor, source from = {}) {
    reach_event e;
    e.day = std::chrono::year(2026) / 7 / 30;
    e.campaign = std::move(campaign);
    e.language = "es";
    e.from = std::move(from);
    e.visitor = visitor;
    return e;
}

// What the store would hold: counts added up, each day x campaign x language's latest readers.
struct fake_store {
    std::map<std::string, std::uint64_t> counts;
    std::map<std::string, std::uint64_t> readers;
    int writes = 0;
    bool failing = false;
    void write(std::vector<store::reach_count> const& c, std::vector<store::reach_readers> const& r) {
        if (failing) throw std::runtime_error("disk full");
        ++writes;
        for (auto const& x : c) counts[x.day + " " + x.campaign + " " + x.event + " " + x.source + " " + x.device_class] += x.count;
        for (auto const& x : r) readers[x.day + " " + x.campaign + " " + x.language] = x.readers;
    }
};

} // namespace

TEST_CASE("reach flusher: events reach the rollup rows, named as reports name them", "[reach][metrics]") {
    event_buffers buffers;
    fake_store disk;
    reach_flusher f(buffers, [&](auto const& c, auto const& r) { disk.write(c, r); }, 1h);
    buffers.record(view("alfa", 1));
    buffers.record(view("alfa", 2, {source_kind::partner, "abrigo-sp"}));
    buffers.record(view("alfa", 1));
    f.flush_now();
    CHECK(disk.counts.at("2026-07-30 alfa view direct phone") == 2);
    CHECK(disk.counts.at("2026-07-30 alfa view partner:abrigo-sp phone") == 1);
    CHECK(disk.readers.at("2026-07-30 alfa es") == 2);
    CHECK(iso_day(std::chrono::year(2026) / 1 / 5) == "2026-01-05");
    // The third view folded into the first in the buffer: /metrics still counts three.
    metrics::prometheus_writer out;
    f.render(out);
    CHECK(out.text().find("farol_reach_events_total{event=\"view\"} 3\n") != std::string::npos);
}

TEST_CASE("reach flusher: a failed write keeps its counts for the next one", "[reach][metrics]") {
    event_buffers buffers;
    fake_store disk;
    reach_flusher f(buffers, [&](auto const& c, auto const& r) { disk.write(c, r); }, 1h);
    buffers.record(view("alfa", 1));
    disk.failing = true;
    CHECK_THROWS(f.flush_now());
    buffers.record(view("alfa", 2));
    disk.failing = false;
    f.flush_now();
    CHECK(disk.counts.at("2026-07-30 alfa view direct phone") == 2);
    CHECK(disk.readers.at("2026-07-30 alfa es") == 2);
    CHECK(f.dropped() == 0);
}

TEST_CASE("reach flusher: a failed write's readers come back with the next write, new visitor or not",
          "[reach][metrics]") {
    event_buffers buffers;
    fake_store disk;
    reach_flusher f(buffers, [&](auto const& c, auto const& r) { disk.write(c, r); }, 1h);
    buffers.record(view("alfa", 1));
    buffers.record(view("alfa", 2));
    disk.failing = true; // SQLITE_BUSY, a full disk: the transaction is rolled back
    CHECK_THROWS(f.flush_now());
    CHECK_THROWS(f.flush_now()); // still failing: nothing is lost twice either
    disk.failing = false;
    f.flush_now(); // nothing new was recorded meanwhile
    CHECK(disk.counts.at("2026-07-30 alfa view direct phone") == 2);
    CHECK(disk.readers.at("2026-07-30 alfa es") == 2);
    CHECK(f.flushes() == 1);
}

TEST_CASE("reach flusher: an idle interval writes nothing and is not a flush", "[reach][metrics]") {
    event_buffers buffers;
    fake_store disk;
    reach_flusher f(buffers, [&](auto const& c, auto const& r) { disk.write(c, r); }, 1h);
    f.flush_now();
    CHECK(disk.writes == 0);
    CHECK(f.flushes() == 0);
    buffers.record(view("alfa", 1));
    f.flush_now();
    f.flush_now();
    CHECK(disk.writes == 1);
    CHECK(f.flushes() == 1);
    metrics::prometheus_writer out;
    f.render(out);
    CHECK(out.text().find("farol_reach_flushes_total 1\n") != std::string::npos);
}

TEST_CASE("reach flusher: a scrape does not wait for a slow write", "[reach][metrics]") {
    event_buffers buffers;
    std::mutex m;
    std::condition_variable cv;
    bool writing = false, release = false;
    reach_flusher f(buffers, [&](auto const&, auto const&) {
        std::unique_lock lock(m);
        writing = true;
        cv.notify_all();
        cv.wait(lock, [&] { return release; }); // a write stuck on a busy database
    }, 1h);
    buffers.record(view("alfa", 1));
    auto writer = std::async(std::launch::async, [&] { f.flush_now(); });
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return writing; });
    }
    auto scrape = std::async(std::launch::async, [&] {
        metrics::prometheus_writer out;
        f.render(out);
        return out.text();
    });
    bool const answered = scrape.wait_for(5s) == std::future_status::ready;
    {
        std::lock_guard lock(m);
        release = true;
    }
    cv.notify_all();
    writer.get();
    CHECK(answered);
    CHECK(scrape.get().find("farol_reach_events_total{event=\"view\"} 1\n") != std::string::npos);
}

TEST_CASE("reach flusher: the thread flushes every interval and once more on stop", "[reach][metrics]") {
    event_buffers buffers;
    fake_store disk;
    std::mutex m;
    reach_flusher f(buffers, [&](auto const& c, auto const& r) {
        std::lock_guard lock(m);
        disk.write(c, r);
    }, 20ms);
    f.start();
    buffers.record(view("alfa", 1));
    for (int i = 0; i < 200; ++i) {
        {
            std::lock_guard lock(m);
            if (disk.counts.size() == 1) break;
        }
        std::this_thread::sleep_for(10ms);
    }
    buffers.record(view("beta", 2)); // recorded just before a clean stop: still written
    f.stop();
    std::lock_guard lock(m);
    CHECK(disk.counts.at("2026-07-30 alfa view direct phone") == 1);
    CHECK(disk.counts.at("2026-07-30 beta view direct phone") == 1);
    CHECK(f.flushes() >= 2);
}
