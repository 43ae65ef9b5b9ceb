#include "app/schedule_command.hpp"

#include "schedule/schedule_fixtures.hpp"
#include "store/database.hpp"
#include "store/schedule_store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace farol;
using farol::schedule::testing::utc;

namespace {

struct command_fixture {
    test::temp_dir data;
    app::config cfg;
    util::fixed_clock clock{utc(2026, 7, 30, 12, 15)};
    command_fixture() {
        cfg.data_dir = data.path();
        cfg.languages = "pt-BR es";
        test::import_bundles(test::sample_campaigns(), data.path());
        auto const db = store::database::open(app::database_file(cfg), clock);
        store::schedule_store plans(db);
        for (auto const* slug : {"reconhecer-o-trafico", "migrar-com-seguranca-sp"}) {
            content::rotation_entry e;
            e.campaign = slug;
            REQUIRE(plans.add_entry("home-featured", e));
        }
    }
    int run(app::schedule_command const& cmd, std::string& out, std::string& err) {
        std::ostringstream o, e;
        auto const status = app::run_schedule_command(cfg, cmd, clock, o, e);
        out = o.str();
        err = e.str();
        return status;
    }
};

} // namespace

TEST_CASE("farol schedule show prints the pick and the next boundary", "[app][schedule]") {
    command_fixture f;
    std::string out, err;
    REQUIRE(f.run({"home-featured", "now", "pt-BR", ""}, out, err) == 0);
    CHECK(out.find("slot home-featured (America/Sao_Paulo, period 60 min, 2 entries)\n") == 0);
    CHECK(out.find("at 2026-07-30 09:15 -03 (UTC-03:00) = 2026-07-30T12:15:00Z, language pt-BR\n") != std::string::npos);
    CHECK(out.find("next boundary 2026-07-30 10:00 -03 (UTC-03:00) = 2026-07-30T13:00:00Z (in 2700 s)\n") !=
          std::string::npos);
    // Hour by hour the two alternate: what the site would show then.
    std::string first, second;
    REQUIRE(f.run({"home-featured", "2026-07-30 10:00", "pt-BR", ""}, first, err) == 0);
    REQUIRE(f.run({"home-featured", "2026-07-30T14:00:00Z", "pt-BR", ""}, second, err) == 0);
    auto const picked = [](std::string const& text) { return text.substr(text.find("pick: "), text.find(" (entry") - text.find("pick: ")); };
    CHECK(picked(first) != picked(second));
    CHECK(picked(out) == picked(second)); // two hours apart: the same turn
    // No Spanish text in one of them: Spanish readers only get the other, or nothing.
    REQUIRE(f.run({"home-featured", "now", "es", ""}, out, err) == 0);
    CHECK(out.find("language es") != std::string::npos);
}

TEST_CASE("farol schedule show refuses what it cannot answer exactly", "[app][schedule]") {
    command_fixture f;
    std::string out, err;
    CHECK(f.run({"no-such-slot", "now", "", ""}, out, err) == 1);
    CHECK(err == "farol schedule show: there is no slot named no-such-slot\n");
    CHECK(f.run({"home-featured", "tomorrow", "", ""}, out, err) == 2);
    CHECK(err.find("--at tomorrow is not") != std::string::npos);
    CHECK(f.run({"home-featured", "2026-03-08 02:30", "", "America/New_York"}, out, err) == 2);
    CHECK(err == "farol schedule show: 2026-03-08 02:30 does not exist in America/New_York (the clocks skip "
                 "2026-03-08 02:00 to 2026-03-08 03:00)\n");
    CHECK(f.run({"home-featured", "2026-11-01 01:30", "", "America/New_York"}, out, err) == 2);
    CHECK(err.find("happens twice in America/New_York: give 2026-11-01T05:30:00Z or 2026-11-01T06:30:00Z") !=
          std::string::npos);
    CHECK(f.run({"home-featured", "now", "de", ""}, out, err) == 2);
    CHECK(f.run({"home-featured", "now", "", "Mars/Base"}, out, err) == 2);
    CHECK(out.empty());
}
