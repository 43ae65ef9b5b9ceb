#include "metrics/suppression.hpp"

#include "metrics/suppression_attacker.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <sstream>
#include <stdexcept>

using namespace farol::metrics;
using farol::metrics::testing::model_for;
using farol::metrics::testing::recoverable;

namespace {

report_row row(std::string group, std::string other, std::uint64_t events, std::uint64_t readers) {
    return {{std::move(group), std::move(other)}, {events, readers}};
}

report_table by_campaign(std::vector<report_row> rows, bool grand_total = true) {
    report_table t;
    t.rows = std::move(rows);
    t.subtotal_by = 0;
    t.grand_total = grand_total;
    return t;
}

// A random small table: up to four groups of up to four cells, about half of them small, the
// small ones often at the edges (1 or k - 1), where an interval attack bites.
report_table random_table(std::mt19937_64& rng, unsigned k) {
    auto pick = [&](std::uint64_t lo, std::uint64_t hi) {
        return std::uniform_int_distribution<std::uint64_t>(lo, hi)(rng);
    };
    report_table t;
    t.has_readers = pick(0, 9) < 7;
    t.grand_total = pick(0, 9) < 8;
    if (pick(0, 9) < 7) t.subtotal_by = 0;
    auto const groups = pick(1, 4);
    for (std::uint64_t g = 0; g < groups; ++g)
        for (std::uint64_t c = 0, n = pick(1, 4); c < n; ++c) {
            bool const small = pick(0, 1) == 0;
            auto const edge = [&] { return pick(0, 1) ? std::uint64_t{1} : k - 1; };
            std::uint64_t readers = small ? (pick(0, 1) ? edge() : pick(1, k - 1)) : pick(k, 3 * k);
            std::uint64_t events = t.has_readers ? pick(readers, small ? 2 * k : 4 * k)
                                                 : (small ? readers : pick(k, 4 * k));
            if (t.has_readers && small && pick(0, 2) == 0) events = readers; // one event per reader
            if (!t.has_readers) readers = 0;
            t.rows.push_back(row("g" + std::to_string(g), "c" + std::to_string(c), events, readers));
        }
    return t;
}

std::string describe(report_table const& t, suppressed_report const& r) {
    std::ostringstream out;
    out << "k " << r.k << (t.has_readers ? ", events/readers" : ", events only")
        << (t.subtotal_by ? ", subtotals" : "") << (t.grand_total ? ", grand total" : "") << "\n";
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        out << t.rows[i].dims[0] << "/" << t.rows[i].dims[1] << ": " << t.rows[i].values.events << "/"
            << t.rows[i].values.readers << (r.cells[i] ? "" : " hidden") << "\n";
    for (auto const& s : r.subtotals) out << "subtotal " << s.group << (s.value ? " shown" : " withheld") << "\n";
    if (r.grand_total) out << "grand total" << (r.grand_total->value ? " shown" : " withheld") << "\n";
    return out.str();
}

} // namespace

TEST_CASE("suppression: a cell below k in events or readers is hidden whole and shown as <k", "[reach][metrics]") {
    auto const t = by_campaign({row("a", "pt", 120, 40), row("a", "es", 12, 9), row("a", "en", 8, 8),
                                row("b", "pt", 300, 10)},
                               false);
    auto const r = suppress(t);
    CHECK(r.k == 10);
    REQUIRE(r.cells.size() == 4);
    CHECK(r.cells[0] == counts{120, 40});
    CHECK_FALSE(r.cells[1]); // 12 events, but 9 readers
    CHECK_FALSE(r.cells[2]);
    CHECK(r.cells[3] == counts{300, 10}); // exactly k is shown
    CHECK(format_count(events_of(r.cells[0]), r.k) == "120");
    CHECK(format_count(events_of(r.cells[1]), r.k) == "<10");
    CHECK(format_count(readers_of(r.cells[1]), r.k) == "<10");
    CHECK(format_total(std::nullopt) == "withheld");
    CHECK(format_total(std::uint64_t{42}) == "42");

    report_table events_only;
    events_only.has_readers = false;
    events_only.rows = {row("qr", "", 9, 0), row("whatsapp", "", 10, 0)};
    auto const e = suppress(events_only, 10);
    CHECK_FALSE(e.cells[0]);
    CHECK(e.cells[1] == counts{10, 0});
}

TEST_CASE("suppression: k is 10 by default, at least 5, and never silently raised", "[reach][metrics]") {
    auto const t = by_campaign({row("a", "pt", 7, 7)});
    CHECK_THROWS_AS(suppress(t, 4), std::invalid_argument);
    CHECK_THROWS_AS(suppress(t, 0), std::invalid_argument);
    CHECK_THROWS_AS(format_count(std::nullopt, 4), std::invalid_argument);
    CHECK(suppress(t, 5).cells[0] == counts{7, 7});
    CHECK_FALSE(suppress(t).cells[0]);
    CHECK(format_count(std::nullopt, 5) == "<5");
    CHECK(default_k == 10);
    CHECK(min_k == 5);
    report_table bad = t;
    bad.subtotal_by = 2;
    CHECK_THROWS_AS(suppress(bad), std::invalid_argument);
}

TEST_CASE("suppression: a total over exactly one hidden part is withheld", "[reach][metrics]") {
    // Campaign a: one small cell among large ones; its subtotal minus the shown cells would be it.
    auto const t = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 4, 3), row("b", "pt", 300, 100),
                                row("b", "es", 80, 20)});
    auto const r = suppress(t);
    REQUIRE(r.subtotals.size() == 2);
    CHECK(r.subtotals[0].group == "a");
    CHECK_FALSE(r.subtotals[0].value);
    CHECK(r.subtotals[1].value == counts{380, 120});
    // The grand total minus b's subtotal would be a's: one hidden subtotal, so withheld too.
    REQUIRE(r.grand_total);
    CHECK_FALSE(r.grand_total->value);
    CHECK(recoverable(t, r, model_for(t, 10)).empty());

    // Without subtotals the grand total's parts are the cells: still one hidden, still withheld.
    auto flat = t;
    flat.subtotal_by.reset();
    auto const f = suppress(flat);
    CHECK(f.subtotals.empty());
    CHECK_FALSE(f.grand_total->value);
}

TEST_CASE("suppression: two hidden subtotals let the grand total show, when their sum is no edge",
          "[reach][metrics]") {
    auto const t = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 4, 3), row("b", "pt", 300, 100),
                                row("b", "es", 6, 5), row("c", "pt", 90, 30)});
    auto const r = suppress(t);
    CHECK_FALSE(r.subtotals[0].value);
    CHECK_FALSE(r.subtotals[1].value);
    CHECK(r.subtotals[2].value == counts{90, 30});
    REQUIRE(r.grand_total->value);
    CHECK(*r.grand_total->value == counts{900, 338});
    // grand - c - shown cells = gn + es = 10 events, 8 readers: two unknowns, many answers.
    CHECK(recoverable(t, r, model_for(t, 10)).empty());
}

TEST_CASE("suppression: a sum of hidden cells at its least or most possible value is withheld",
          "[reach][metrics]") {
    // Two hidden cells with 9 readers each (k = 10): 18 can only be 9 + 9.
    auto most = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 20, 9), row("a", "es", 20, 9)}, false);
    CHECK_FALSE(suppress(most).subtotals[0].value);
    // One reader and one event each: 2 can only be 1 + 1.
    auto least = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 1, 1), row("a", "es", 1, 1)}, false);
    CHECK_FALSE(suppress(least).subtotals[0].value);
    // 17 readers: 8 + 9 or 9 + 8, not pinned; events have no ceiling in a table with readers.
    auto inside = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 30, 8), row("a", "es", 35, 9)}, false);
    auto const r = suppress(inside);
    CHECK(r.subtotals[0].value == counts{565, 217});
    CHECK(recoverable(inside, r, model_for(inside, 10)).empty());

    // In an events-only table events do have a ceiling: 9 + 9 is pinned.
    report_table by_source;
    by_source.has_readers = false;
    by_source.grand_total = true;
    by_source.rows = {row("direct", "", 400, 0), row("qr", "", 9, 0), row("whatsapp", "", 9, 0)};
    CHECK_FALSE(suppress(by_source).grand_total->value);
    by_source.rows[2].values.events = 8;
    CHECK(suppress(by_source).grand_total->value);
}

TEST_CASE("suppression: a distinct count of readers only bounds the hidden part from below", "[reach][metrics]") {
    // Some readers read two languages: the distinct 201 is below the sum (207). Subtracting the
    // shown 200 leaves 1, which only says gn + es >= 1.
    auto t = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 30, 3), row("a", "es", 30, 4)}, false);
    t.subtotal_readers["a"] = 201;
    auto const r = suppress(t);
    REQUIRE(r.subtotals[0].value);
    CHECK(r.subtotals[0].value->readers == 201);
    CHECK(r.subtotals[0].value->events == 560);
    // 200 + at least 18 (both at 9) is the most: a distinct 218 would pin both.
    t.subtotal_readers["a"] = 218;
    CHECK_FALSE(suppress(t).subtotals[0].value);
    // A small total is hidden whatever its parts.
    auto tiny = by_campaign({row("a", "pt", 9, 4), row("a", "es", 9, 4)});
    auto const s = suppress(tiny);
    CHECK_FALSE(s.subtotals[0].value);
    CHECK_FALSE(s.grand_total->value);
}

TEST_CASE("suppression: the brute-force attacker finds what a naive report gives away", "[reach][metrics]") {
    auto const t = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 4, 3), row("b", "pt", 300, 100)});
    auto naive = suppress(t);
    naive.subtotals[0].value = counts{504, 203}; // shown anyway
    auto const found = recoverable(t, naive, model_for(t, 10));
    CHECK(found == std::vector<std::string>{"cell 1 events", "cell 1 readers", "grand total events",
                                            "grand total readers"});
    // Two hidden cells at the readers' ceiling, subtotal shown anyway: the attacker pins both.
    auto const edge = by_campaign({row("a", "pt", 500, 200), row("a", "gn", 9, 9), row("a", "es", 9, 9)}, false);
    auto shown = suppress(edge);
    shown.subtotals[0].value = counts{518, 218};
    CHECK(recoverable(edge, shown, model_for(edge, 10)).size() == 4);
}

TEST_CASE("suppression: no subtraction through shown totals ever pins a hidden number (brute force)",
          "[reach][metrics]") {
    std::mt19937_64 rng(20260730);
    std::size_t hidden_cells = 0, shown_totals_over_hidden = 0;
    for (int i = 0; i < 3000; ++i) {
        unsigned const k = i % 3 == 0 ? 6 : 5;
        auto const t = random_table(rng, k);
        auto const r = suppress(t, k);
        INFO(describe(t, r));
        CHECK(recoverable(t, r, model_for(t, k)).empty());
        for (auto const& c : r.cells) hidden_cells += !c;
        for (auto const& s : r.subtotals) {
            bool any_hidden = false;
            for (std::size_t j = 0; j < t.rows.size(); ++j)
                any_hidden = any_hidden || (t.rows[j].dims[0] == s.group && !r.cells[j]);
            shown_totals_over_hidden += s.value && any_hidden;
        }
    }
    // The generator exercised the interesting cases: many hidden cells, many totals shown over them.
    CHECK(hidden_cells > 3000);
    CHECK(shown_totals_over_hidden > 150);
}
