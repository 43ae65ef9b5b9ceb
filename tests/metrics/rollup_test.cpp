#include "metrics/rollup.hpp"

#include <catch2/catch.hpp>

using namespace farol::metrics;
namespace chr = std::chrono;

namespace {
reach_event event(chr::year_month_day day, std::string campaign, event_kind kind, std::optional<std::uint64_t> visitor,
                  source from = {}, device_class device = device_class::phone) {
    reach_event e;
    e.day = day;
    e.campaign = std::move(campaign);
    e.language = "pt-BR";
    e.event = kind;
    e.from = std::move(from);
    e.device = device;
    e.visitor = visitor;
    return e;
}
auto const july30 = chr::year(2026) / 7 / 30;
auto const july31 = chr::year(2026) / 7 / 31;
} // namespace

TEST_CASE("rollup: events add up per cell, readers per day x campaign x language", "[reach][metrics]") {
    rollup r;
    r.add({event(july30, "alfa", event_kind::view, 1), event(july30, "alfa", event_kind::view, 1),
           event(july30, "alfa", event_kind::view, 2, {source_kind::qr, {}}),
           event(july30, "alfa", event_kind::download, 2, {}, device_class::desktop),
           event(july30, "alfa", event_kind::preview, std::nullopt),
           event(july30, "alfa", event_kind::view, 3, {source_kind::partner, "abrigo-sp"})});
    auto const counts = r.take_counts();
    CHECK(counts.size() == 5);
    CHECK(counts.at({july30, "alfa", "pt-BR", event_kind::view, source_kind::direct, "", device_class::phone}) == 2);
    CHECK(counts.at({july30, "alfa", "pt-BR", event_kind::view, source_kind::qr, "", device_class::phone}) == 1);
    CHECK(counts.at({july30, "alfa", "pt-BR", event_kind::view, source_kind::partner, "abrigo-sp", device_class::phone}) == 1);
    CHECK(counts.at({july30, "alfa", "pt-BR", event_kind::preview, source_kind::direct, "", device_class::phone}) == 1);
    CHECK(r.take_counts().empty()); // taken once
    auto const readers = r.take_readers();
    REQUIRE(readers.size() == 1);
    CHECK(readers.at({july30, "alfa", "pt-BR"}) == 3); // a preview has no reader
    CHECK(r.take_readers().empty()); // nothing new
    r.add({event(july30, "alfa", event_kind::view, 1)});
    CHECK(r.take_readers().at({july30, "alfa", "pt-BR"}) == 3); // seen before: the estimate stays
    r.add({event(july30, "alfa", event_kind::view, 4)});
    CHECK(r.take_readers().at({july30, "alfa", "pt-BR"}) == 4);
    // An event counted several times in a row (a reload) adds its count, and its reader once.
    auto reloads = event(july30, "alfa", event_kind::view, 5);
    reloads.count = 7;
    r.take_counts();
    r.add({reloads});
    CHECK(r.take_counts().at({july30, "alfa", "pt-BR", event_kind::view, source_kind::direct, "", device_class::phone}) == 7);
    CHECK(r.take_readers().at({july30, "alfa", "pt-BR"}) == 5);
}

TEST_CASE("rollup: a new day's readers start afresh, yesterday's counters go", "[reach][metrics]") {
    rollup r;
    r.add({event(july30, "alfa", event_kind::view, 1), event(july31, "alfa", event_kind::view, 1)});
    CHECK(r.reader_cells() == 2);
    r.forget_before(july31);
    CHECK(r.reader_cells() == 1);
    auto const readers = r.take_readers();
    REQUIRE(readers.size() == 1);
    CHECK(readers.begin()->first.day == july31);
    // Memory: a counter stays within its bound however many readers a busy day has.
    for (std::uint64_t v = 0; v < 200000; ++v) r.add({event(july31, "alfa", event_kind::view, v * 0x9E3779B97F4A7C15ull)});
    CHECK(r.memory_bytes() <= sizeof(readers_key) + sizeof(unique_counter) + unique_counter::max_heap_bytes);
    auto const estimate = r.take_readers().at({july31, "alfa", "pt-BR"});
    CHECK(std::abs(static_cast<double>(estimate) - 200000.0) < 200000.0 * 3 * unique_counter::standard_error);
}
