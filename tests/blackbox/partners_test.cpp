// The running server's partners: loaded from the store at start, taken from `farol partner` at the
// next publish (what SIGHUP asks for), and at once after a change made in the editor.
#include "app/partner_commands.hpp"
#include "editor/editor_services.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

using namespace farol;
using namespace farol::test;
using namespace std::chrono_literals;

namespace {

constexpr char const* card = "/embed/widget-default?partner=casa";

// The card's status once it becomes `wanted`, or its last status after about five seconds.
int card_status_becoming(std::uint16_t port, int wanted) {
    int status = 0;
    for (int i = 0; i < 100 && status != wanted; ++i) {
        if (i) std::this_thread::sleep_for(50ms);
        status = get(port, card).status;
    }
    return status;
}

} // namespace

TEST_CASE("partners: farol partner reaches a running server at its next publish, the editor's changes at once", "[partners][blackbox]") {
    test_server s({}, sample_campaigns());
    CHECK(get(s.port(), card).status == 404);

    app::config cfg = test_config(s.data_dir().path(), s.static_dir().path());
    std::ostringstream out, err;
    REQUIRE(app::run_partner_command(cfg, {"add", "casa", "Casa del Migrante", {"http://127.0.0.1:8081"}, "widget-default", "es"},
                                     out, err) == 0);
    CHECK(get(s.port(), card).status == 404); // the command changed the database, not the running server
    s.get().reload();                         // SIGHUP
    REQUIRE(card_status_becoming(s.port(), 200) == 200);
    auto const r = get(s.port(), card);
    CHECK(r.header("content-security-policy").find("frame-ancestors http://127.0.0.1:8081") != std::string::npos);
    CHECK(r.body.find("<html lang=\"es\"") != std::string::npos); // the partner's default language

    REQUIRE(s.get().editor().partners.set_enabled("ana", "casa", false));
    CHECK(get(s.port(), card).status == 404); // no publish needed
    REQUIRE(s.get().editor().partners.set_enabled("ana", "casa", true));
    CHECK(get(s.port(), card).status == 200);
}
