#include "app/partner_commands.hpp"
#include "app/user_commands.hpp"

#include "editor/editor_services.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace farol;

namespace {

struct cli {
    test::temp_dir data;
    app::config cfg;
    std::ostringstream out, err;

    cli() {
        cfg.data_dir = data.path();
        cfg.templates_dir = std::filesystem::path(FAROL_SOURCE_DIR) / "templates";
    }
    int run(app::partner_command const& cmd) {
        out.str("");
        err.str("");
        return app::run_partner_command(cfg, cmd, out, err);
    }
    int user(app::user_command const& cmd, std::string const& password = "copper lantern meadow violet") {
        out.str("");
        err.str("");
        std::istringstream in(password + "\n");
        return app::run_user_command(cfg, cmd, in, out, err);
    }
    // The audit log's actions, oldest first.
    std::vector<std::string> audited() {
        util::system_clock clock;
        editor::editor_services e(store::database::open(app::database_file(cfg), clock), clock, {});
        std::vector<std::string> out;
        for (auto const& a : e.audit.list({})) out.insert(out.begin(), a.actor + " " + a.action + " " + a.object);
        return out;
    }
};

app::partner_command add(std::string id, std::vector<std::string> origins, std::string lang = "es") {
    return {"add", std::move(id), "Casa del Migrante", std::move(origins), "widget-default", std::move(lang)};
}

} // namespace

TEST_CASE("farol partner add registers a partner that list shows and disable and enable switch", "[app][partners]") {
    cli c;
    REQUIRE(c.run(add("casa", {"HTTPS://Casa.Example:443/", "http://127.0.0.1:8081"})) == 0);
    CHECK(c.out.str().find("added partner casa (Casa del Migrante), framed by https://casa.example "
                           "http://127.0.0.1:8081, slot widget-default") == 0);
    CHECK(c.run({"list"}) == 0);
    CHECK(c.out.str().find("casa                enabled   widget-default    es     Casa del Migrante "
                           "(https://casa.example http://127.0.0.1:8081)") != std::string::npos);
    CHECK(c.run({"disable", "casa"}) == 0);
    app::partner_command json{"list"};
    json.format = "json";
    CHECK(c.run(json) == 0);
    auto const rows = boost::json::parse(c.out.str()).as_array();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("id") == "casa");
    CHECK(rows[0].at("enabled") == false);
    CHECK(rows[0].at("origins").as_array().size() == 2);
    CHECK(rows[0].at("default_language") == "es");
    CHECK(c.run({"enable", "casa"}) == 0);
    CHECK(c.run({"enable", "nobody"}) == 1);
    CHECK(c.err.str() == "farol partner enable: there is no partner nobody\n");
    CHECK(c.audited() == std::vector<std::string>{"cli partner.add partner:casa", "cli partner.disable partner:casa",
                                                  "cli partner.enable partner:casa"});
}

TEST_CASE("farol partner add refuses a bad id, origin, slot or language with the rule and exit code 2", "[app][partners]") {
    cli c;
    CHECK(c.run(add("Casa!", {"https://casa.example"})) == 2);
    CHECK(c.err.str().rfind("farol partner add: ID: “Casa!” cannot be a partner id. Use 1 to 40 of a–z, 0–9 and -", 0) == 0);
    CHECK(c.run(add("qr", {"https://casa.example"})) == 2); // a source name reports already use
    CHECK(c.run(add("casa", {"https://casa.example/widget"})) == 2);
    CHECK(c.err.str() == "farol partner add: --origin: “https://casa.example/widget” is not an origin. Write it as "
                         "scheme://host or scheme://host:port (http or https), for example https://ngo.example, with no path.\n");
    CHECK(c.run(add("casa", {"ftp://casa.example"})) == 2);
    auto slot = add("casa", {"https://casa.example"});
    slot.slot = "sidebar";
    CHECK(c.run(slot) == 2);
    CHECK(c.err.str() == "farol partner add: --slot: There is no slot named “sidebar”.\n");
    CHECK(c.run(add("casa", {"https://casa.example"}, "de")) == 2);
    CHECK(c.err.str() == "farol partner add: --lang: “de” is not one of the site's languages.\n");
    CHECK(c.run({"list"}) == 0);
    CHECK(c.out.str().find("casa") == std::string::npos); // nothing was stored
    app::partner_command xml{"list"};
    xml.format = "xml";
    CHECK(c.run(xml) == 2);
    CHECK(c.audited().empty());
}

TEST_CASE("farol partner add refuses a taken id with exit code 1, even a disabled one's", "[app][partners]") {
    cli c;
    REQUIRE(c.run(add("casa", {"https://casa.example"})) == 0);
    REQUIRE(c.run({"disable", "casa"}) == 0);
    CHECK(c.run(add("casa", {"https://other.example"})) == 1);
    CHECK(c.err.str() == "farol partner add: ID: There is already a partner with the id “casa”. Ids are never reused, "
                         "even after a partner is disabled.\n");
}

TEST_CASE("farol user add --role partner links the account to an existing partner", "[app][partners][user]") {
    cli c;
    CHECK(c.user({"add", "lucia", "partner", true}) == 2); // the role needs its partner
    CHECK(c.err.str() == "farol user add: --partner is required for --role partner: the partner's id\n");
    CHECK(c.user({"add", "lucia", "partner", true, "casa"}) == 1);
    CHECK(c.err.str() == "farol user add: --partner: there is no partner casa (farol partner list)\n");
    CHECK(c.user({"add", "ana", "editor", true, "casa"}) == 2);
    CHECK(c.err.str() == "farol user add: --partner is only for --role partner\n");
    REQUIRE(c.run(add("casa", {"https://casa.example"})) == 0);
    CHECK(c.user({"add", "lucia", "partner", true, "casa"}) == 0);
    CHECK(c.out.str().rfind("added lucia (partner of casa)\n", 0) == 0);
    util::system_clock clock;
    editor::editor_services e(store::database::open(app::database_file(c.cfg), clock), clock, {});
    CHECK(e.partners.partner_of(e.accounts.find("lucia")->id) == "casa");
    CHECK(c.audited().back() == "cli user.partner user:lucia partner:casa");
    // The list names each partner account's partner, and "-" for the others.
    REQUIRE(c.user({"list"}) == 0);
    auto const listed = c.out.str();
    CHECK(listed.find("PARTNER\n") != std::string::npos);
    CHECK(listed.find("lucia                   partner   new       off       casa\n") != std::string::npos);
}

TEST_CASE("farol user partner moves a partner account to another partner, audited", "[app][partners][user]") {
    cli c;
    REQUIRE(c.run(add("casa", {"https://casa.example"})) == 0);
    REQUIRE(c.run(add("abrigo", {"https://abrigo.example"})) == 0);
    REQUIRE(c.user({"add", "lucia", "partner", true, "casa"}) == 0);
    REQUIRE(c.user({"add", "ana", "editor", true}) == 0);
    CHECK(c.user({"partner", "lucia", "partner", false, "abrigo"}) == 0);
    CHECK(c.out.str() == "lucia now belongs to partner abrigo\n");
    util::system_clock clock;
    editor::editor_services e(store::database::open(app::database_file(c.cfg), clock), clock, {});
    CHECK(e.partners.partner_of(e.accounts.find("lucia")->id) == "abrigo");
    CHECK(c.audited().back() == "cli user.partner user:lucia partner:abrigo");
    // Refused, and nothing changes: another role, an unknown partner, an unknown account.
    CHECK(c.user({"partner", "ana", "editor", false, "abrigo"}) == 2);
    CHECK(c.err.str() == "farol user partner: ana has the role editor; only partner-role accounts belong to a partner\n");
    CHECK(c.user({"partner", "lucia", "partner", false, "nobody"}) == 1);
    CHECK(c.err.str() == "farol user partner: --partner: there is no partner nobody (farol partner list)\n");
    CHECK(c.user({"partner", "rui", "partner", false, "casa"}) == 1);
    CHECK(c.err.str() == "farol user partner: there is no account named rui\n");
    CHECK(e.partners.partner_of(e.accounts.find("lucia")->id) == "abrigo");
    CHECK(e.partners.partner_of(e.accounts.find("ana")->id) == std::nullopt);
}
