#include "metrics/reach_report.hpp"

#include "metrics/suppression_attacker.hpp"
#include "store/database.hpp"
#include "store/reach_store.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <set>
#include <sstream>

using namespace farol;
using namespace farol::metrics;
using store::reach_dim;

namespace {

constexpr char const* day = "2026-07-10";

// Views (events/readers): the home page 60/50, alfa pt-BR 40/30, es 3/2; beta pt-BR 25/20, es 6/4, fr 7/5; gamma pt-BR
// 50/45; delta pt-BR 4/3. With k = 10 four cells are hidden; alfa's subtotal would be its one
// hidden cell plus a shown one, and delta's is under k: both withheld. beta's hides two cells
// whose sum (13 events, 9 readers) is neither the least nor the most: shown. So is the grand total.
struct sample {
    std::shared_ptr<store::database> db = store::database::open_memory();
    store::reach_query query{db};
    sample() {
        store::reach_store s(db, 1);
        std::vector<store::reach_count> counts;
        std::vector<store::reach_readers> readers;
        auto const add = [&](char const* campaign, char const* language, std::uint64_t events, std::uint64_t r,
                             char const* source = "direct") {
            counts.push_back({day, campaign, language, "view", source, "phone", events});
            readers.push_back({day, campaign, language, r});
        };
        add("alfa", "pt-BR", 40, 30);
        add("alfa", "es", 3, 2, "qr");
        add("beta", "pt-BR", 25, 20, "whatsapp");
        add("beta", "es", 6, 4);
        add("beta", "fr", 7, 5);
        add("gamma", "pt-BR", 50, 45, "search");
        add("delta", "pt-BR", 4, 3);
        counts.push_back({day, "", "pt-BR", "view", "direct", "desktop", 60}); // the home page
        readers.push_back({day, "", "pt-BR", 50});
        counts.push_back({day, "alfa", "pt-BR", "download", "direct", "phone", 80});
        s.flush(counts, readers);
    }
    reach_report report(std::vector<reach_dim> by, std::vector<std::string> events = {"view"}) const {
        return build_report(query, {{std::chrono::year(2026) / 7 / 1}, {std::chrono::year(2026) / 7 / 28}, std::move(by),
                                    std::move(events)},
                            10);
    }
};

// Every whole number written in `text` ("2026-07-01" holds 2026, 07 and 01: "07" is not 7).
std::multiset<std::string> numbers_in(std::string const& text) {
    std::multiset<std::string> out;
    std::string digits;
    for (char c : text + " ") {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        } else if (!digits.empty()) {
            out.insert(digits);
            digits.clear();
        }
    }
    return out;
}

// The true figures of every hidden cell and withheld total of a report, as text.
std::set<std::string> hidden_figures(reach_report const& r) {
    std::set<std::string> out;
    auto const add = [&](counts const& c) {
        out.insert(std::to_string(c.events));
        if (r.table.has_readers) out.insert(std::to_string(c.readers));
    };
    for (std::size_t i = 0; i < r.table.rows.size(); ++i)
        if (!r.shown.cells[i]) add(r.table.rows[i].values);
    for (auto const& t : r.shown.subtotals) {
        if (t.value) continue;
        counts sum;
        for (auto const& row : r.table.rows)
            if (row.dims[0] == t.group) sum = {sum.events + row.values.events, sum.readers + row.values.readers};
        add(sum);
    }
    return out;
}

} // namespace

TEST_CASE("reach report: campaign x language with subtotals and a grand total, suppressed", "[reach][report]") {
    sample s;
    auto const r = s.report({reach_dim::campaign, reach_dim::language});
    REQUIRE(r.table.has_readers);
    REQUIRE(r.table.rows.size() == 8);
    auto const rows = display_rows(r);
    REQUIRE(rows.size() == 8 + 5 + 1);
    CHECK(rows[0].dims == std::vector<std::string>{"(home and search)", "pt-BR"});
    CHECK(rows[0].events == "60");
    CHECK(rows[0].readers == "50");
    CHECK(rows[1].kind == display_row::subtotal); // a group of one cell
    CHECK(rows[2].dims == std::vector<std::string>{"alfa", "es"});
    CHECK(rows[2].events == "<10");
    CHECK(rows[2].readers == "<10");
    CHECK(rows[4].kind == display_row::subtotal);
    CHECK(rows[4].dims == std::vector<std::string>{"alfa", ""});
    CHECK(rows[4].events == "withheld");
    CHECK(rows[4].readers == "withheld");
    auto const beta = std::find_if(rows.begin(), rows.end(), [](auto const& row) {
        return row.kind == display_row::subtotal && row.dims[0] == "beta";
    });
    REQUIRE(beta != rows.end());
    CHECK(beta->events == "38");
    CHECK(beta->readers == "29");
    CHECK(rows.back().kind == display_row::total);
    CHECK(rows.back().events == std::to_string(60 + 40 + 3 + 25 + 6 + 7 + 50 + 4));
    CHECK(rows.back().readers == std::to_string(50 + 30 + 2 + 20 + 4 + 5 + 45 + 3));
    // Nothing in what is shown pins a hidden number down.
    CHECK(testing::recoverable(r.table, r.shown, testing::model_for(r.table, 10)).empty());
}

TEST_CASE("reach report: no output carries the true figure of a hidden cell or withheld total", "[reach][report]") {
    sample s;
    for (auto const& by : std::vector<std::vector<reach_dim>>{{reach_dim::campaign, reach_dim::language},
                                                              {reach_dim::language, reach_dim::campaign},
                                                              {reach_dim::source},
                                                              {reach_dim::campaign, reach_dim::source}}) {
        auto const r = s.report(by);
        auto const hidden = hidden_figures(r);
        REQUIRE_FALSE(hidden.empty()); // every grouping here hides something: the check has teeth
        std::set<std::string> shown_figures;
        for (auto const& c : r.shown.cells)
            if (c) shown_figures.insert(std::to_string(c->events));
        REQUIRE_FALSE(shown_figures.empty());
        for (auto const& text : {to_csv(r), to_json(r), to_text(r)}) {
            INFO(text);
            auto const numbers = numbers_in(text);
            for (auto const& n : hidden) {
                INFO("hidden figure " << n);
                CHECK(numbers.count(n) == 0);
            }
            for (auto const& n : shown_figures) CHECK(numbers.count(n) > 0); // the scan does find figures
        }
    }
}

TEST_CASE("reach report: CSV is RFC 4180 with the suppression marks and defused cells", "[reach][report]") {
    sample s;
    store::reach_store(s.db, 2).flush({{day, "=HYPERLINK(\"x\")", "en", "view", "direct", "phone", 30}},
                                      {{day, "=HYPERLINK(\"x\")", "en", 12}});
    auto const csv = to_csv(s.report({reach_dim::campaign, reach_dim::language}));
    CHECK(csv.starts_with("row,campaign,language,events,readers\r\n"));
    CHECK(csv.find("cell,(home and search),pt-BR,60,50\r\n") != std::string::npos);
    CHECK(csv.find("cell,alfa,es,<10,<10\r\n") != std::string::npos);
    CHECK(csv.find("subtotal,alfa,,withheld,withheld\r\n") != std::string::npos);
    CHECK(csv.find("subtotal,beta,,38,29\r\n") != std::string::npos);
    CHECK(csv.find("cell,\"'=HYPERLINK(\"\"x\"\")\",en,30,12\r\n") != std::string::npos);
    CHECK(csv.find("\r\ntotal,,,") != std::string::npos);
    CHECK(csv.find('\n') == csv.find("\r\n") + 1);
    auto const by_source = to_csv(s.report({reach_dim::source}));
    CHECK(by_source.starts_with("row,source,events\r\n")); // events only: no readers column
    CHECK(by_source.find("cell,qr,<10\r\n") != std::string::npos);
}

TEST_CASE("reach report: JSON gives null and suppressed for hidden figures, with k, range and rule", "[reach][report]") {
    sample s;
    auto const v = boost::json::parse(to_json(s.report({reach_dim::campaign, reach_dim::language})));
    auto const& o = v.as_object();
    CHECK(o.at("k").as_int64() == 10);
    CHECK(o.at("from").as_string() == "2026-07-01");
    CHECK(o.at("to").as_string() == "2026-07-28");
    CHECK(o.at("rule").as_string() == rule_summary(10));
    CHECK(o.at("by").as_array().size() == 2);
    auto const& rows = o.at("rows").as_array();
    REQUIRE(rows.size() == 8);
    CHECK(rows[0].at("campaign").as_string() == ""); // raw: machines get the stored value
    auto const& hidden = rows[1].as_object();
    CHECK(hidden.at("campaign").as_string() == "alfa");
    CHECK(hidden.at("events").is_null());
    CHECK(hidden.at("readers").is_null());
    CHECK(hidden.at("suppressed").as_bool());
    CHECK_FALSE(rows[2].at("suppressed").as_bool());
    auto const& subtotals = o.at("subtotals").as_array();
    REQUIRE(subtotals.size() == 5);
    CHECK(subtotals[1].at("campaign").as_string() == "alfa");
    CHECK(subtotals[1].at("events").is_null());
    CHECK(subtotals[1].at("suppressed").as_bool());
    CHECK(o.at("total").at("events").as_int64() == 195);
    auto const events_only = boost::json::parse(to_json(s.report({reach_dim::source})));
    CHECK_FALSE(events_only.at("has_readers").as_bool());
    CHECK_FALSE(events_only.at("rows").as_array()[0].as_object().contains("readers"));
}

TEST_CASE("reach report: the text table lines up its columns and ends with the rule", "[reach][report]") {
    sample s;
    auto const text = to_text(s.report({reach_dim::campaign, reach_dim::language}));
    std::istringstream in(text);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() == 1 + 1 + 14 + 1);
    CHECK(lines[0] == "Reach from 2026-07-01 to 2026-07-28, events: view");
    CHECK(lines[1] == "campaign           language    events   readers");
    for (std::size_t i = 2; i + 1 < lines.size(); ++i) CHECK(lines[i].size() == lines[1].size()); // right-aligned
    CHECK(text.find("\nalfa               es             <10       <10\n") != std::string::npos);
    CHECK(text.find("\nalfa               subtotal  withheld  withheld\n") != std::string::npos);
    CHECK(text.find("\n(home and search)  pt-BR           60        50\n") != std::string::npos);
    CHECK(text.find("\ntotal                             195       159\n") != std::string::npos);
    CHECK(lines.back() == rule_summary(10));
}

TEST_CASE("reach report: one dimension has a grand total and no subtotals, none has just the range", "[reach][report]") {
    sample s;
    auto const by_language = s.report({reach_dim::language});
    CHECK_FALSE(by_language.table.subtotal_by);
    CHECK(by_language.shown.subtotals.empty());
    REQUIRE(by_language.shown.grand_total);
    auto const whole = s.report({});
    REQUIRE(whole.table.rows.size() == 1);
    CHECK_FALSE(whole.shown.grand_total);
    CHECK(to_csv(whole) == "row,events,readers\r\ncell,195,159\r\n");
    auto const downloads = s.report({reach_dim::campaign}, {"download"});
    CHECK(to_csv(downloads).find("cell,alfa,80,32\r\n") != std::string::npos); // readers of any event
}

TEST_CASE("reach report: display rows of a year of day x campaign come in linear time, groups in order",
          "[reach][report]") {
    // 40,000 groups of two rows: a scan of every row per subtotal would take billions of comparisons.
    reach_report r;
    r.request.by = {reach_dim::campaign, reach_dim::language};
    constexpr std::size_t groups = 40000;
    for (std::size_t g = 0; g < groups; ++g)
        for (auto const* lang : {"es", "pt-BR"})
            r.table.rows.push_back({{fmt::format("c{:06}", g), lang}, {20 + g % 7, 12}});
    r.table.subtotal_by = 0;
    r.table.grand_total = true;
    r.shown = suppress(r.table, 10);
    auto const started = std::chrono::steady_clock::now();
    auto const rows = display_rows(r);
    auto const took = std::chrono::steady_clock::now() - started;
    REQUIRE(rows.size() == 3 * groups + 1);
    CHECK(rows[0].dims == std::vector<std::string>{"c000000", "es"});
    CHECK(rows[1].dims == std::vector<std::string>{"c000000", "pt-BR"});
    CHECK(rows[2].kind == display_row::subtotal);
    CHECK(rows[2].dims[0] == "c000000");
    CHECK(rows[3 * groups - 1].dims[0] == fmt::format("c{:06}", groups - 1));
    CHECK(rows.back().kind == display_row::total);
    CHECK(took < std::chrono::seconds(1)); // about 50 ms in linear time; many seconds when quadratic
}
