#include "app/report_command.hpp"

#include "metrics/reach_report.hpp"
#include "store/database.hpp"
#include "store/reach_store.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace farol;

namespace {

struct report_fixture {
    test::temp_dir data;
    app::config cfg;
    report_fixture() {
        cfg.data_dir = data.path();
        auto const db = store::database::open(app::database_file(cfg));
        store::reach_store(db, 1).flush({{"2026-07-10", "alfa", "pt-BR", "view", "direct", "phone", 40},
                                         {"2026-07-10", "alfa", "es", "view", "qr", "phone", 3},
                                         {"2026-07-11", "beta", "pt-BR", "download", "whatsapp", "tablet", 25}},
                                        {{"2026-07-10", "alfa", "pt-BR", 30}, {"2026-07-10", "alfa", "es", 2},
                                         {"2026-07-11", "beta", "pt-BR", 21}});
    }
    int run(app::report_command const& cmd, std::string& out, std::string& err) {
        std::ostringstream o, e;
        auto const status = app::run_report_command(cfg, cmd, o, e);
        out = o.str();
        err = e.str();
        return status;
    }
};

} // namespace

TEST_CASE("farol report prints the suppressed report in the format asked", "[app][reach]") {
    report_fixture f;
    std::string out, err;
    REQUIRE(f.run({"2026-07-01", "2026-07-31", "campaign,language", "csv", ""}, out, err) == 0);
    CHECK(err.empty());
    CHECK(out == "row,campaign,language,events,readers\r\n"
                 "cell,alfa,es,<10,<10\r\n"
                 "cell,alfa,pt-BR,40,30\r\n"
                 "subtotal,alfa,,withheld,withheld\r\n"
                 "total,,,withheld,withheld\r\n"); // only views: beta downloaded and is not counted
    REQUIRE(f.run({"2026-07-01", "2026-07-31", "source", "json", "view,download"}, out, err) == 0);
    CHECK(out.find("\"k\":10") != std::string::npos);
    CHECK(out.find("\"events\":[\"view\",\"download\"]") != std::string::npos);
    CHECK(out.find("{\"events\":25,\"suppressed\":false,\"source\":\"whatsapp\"}") != std::string::npos);
    CHECK(out.find("{\"events\":null,\"suppressed\":true,\"source\":\"qr\"}") != std::string::npos);
    f.cfg.reach_k = 50; // metrics.k
    REQUIRE(f.run({"2026-07-10", "2026-07-10", "", "table", ""}, out, err) == 0);
    CHECK(out == "Reach from 2026-07-10 to 2026-07-10, events: view\n"
                 "events  readers\n"
                 "   <50      <50\n" +
                     metrics::rule_summary(50) + "\n");
}

TEST_CASE("farol report refuses bad input in one line naming the flag", "[app][reach]") {
    report_fixture f;
    std::string out, err;
    auto const refused = [&](app::report_command const& cmd, std::string const& message) {
        INFO(message);
        CHECK(f.run(cmd, out, err) == 2);
        CHECK(err == "farol report: " + message + "\n");
        CHECK(out.empty());
    };
    refused({"2026-02-30", "2026-03-01", "", "table", ""}, "--from \"2026-02-30\" is not a date (YYYY-MM-DD)");
    refused({"2026-03-01", "1 March", "", "table", ""}, "--to \"1 March\" is not a date (YYYY-MM-DD)");
    refused({"2026-03-02", "2026-03-01", "", "table", ""}, "--from 2026-03-02 is after the last day");
    refused({"2025-01-01", "2026-01-02", "", "table", ""}, "--to: the range spans 367 days, more than 366");
    refused({"2026-01-01", "2026-07-01", "campaign,city", "table", ""},
            "--by: \"city\" is not a dimension (day, campaign, language, event, source, device)");
    refused({"2026-01-01", "2026-07-01", "language,language", "table", ""}, "--by: language is named twice");
    refused({"2026-01-01", "2026-07-01", "", "table", "view,click"},
            "--event: \"click\" is not an event (view, preview, download, share, widget_impression, widget_click)");
    refused({"2026-01-01", "2026-07-01", "", "xml", ""}, "--format xml is not csv, json or table");
    CHECK(f.run({"2024-01-01", "2024-12-31", "", "table", ""}, out, err) == 0); // a leap year: 366 days
}
