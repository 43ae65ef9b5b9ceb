#include "store/partner_store.hpp"

#include "store/account_store.hpp"
#include "store/database.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::store;

namespace {
partners::partner casa() {
    return {"casa", "Casa del Migrante", {"https://casa.example", "http://127.0.0.1:8081"}, "widget-default", "es", true};
}
} // namespace

TEST_CASE("partner store: insert, find, list by id, update and enable keep every field", "[partners][store]") {
    auto db = database::open_memory();
    partner_store s(db);
    CHECK(s.list().empty());
    CHECK_FALSE(s.find("casa"));
    s.insert(casa(), 100);
    auto other = casa();
    other.id = "abrigo";
    other.origins = {};
    other.default_language = "";
    s.insert(other, 200);
    CHECK(s.find("casa") == casa());
    CHECK(s.find("abrigo") == other); // no origins stay no origins
    auto const all = s.list();
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == "abrigo");
    CHECK(all[1].id == "casa");

    auto changed = casa();
    changed.name = "Casa";
    changed.origins = {"https://casa.example"};
    changed.default_slot = "home-featured";
    changed.enabled = false; // update() leaves enabled alone
    CHECK(s.update(changed, 300));
    changed.enabled = true;
    CHECK(s.find("casa") == changed);
    CHECK(s.set_enabled("casa", false, 400));
    CHECK_FALSE(s.find("casa")->enabled);
    CHECK_FALSE(s.set_enabled("nobody", false, 400));
    changed.id = "nobody";
    CHECK_FALSE(s.update(changed, 500));
}

TEST_CASE("partner store: an id is taken once, even when disabled", "[partners][store]") {
    auto db = database::open_memory();
    partner_store s(db);
    s.insert(casa(), 1);
    s.set_enabled("casa", false, 2);
    CHECK_THROWS_AS(s.insert(casa(), 3), partner_taken);
    CHECK(s.list().size() == 1);
}

TEST_CASE("partner store: an account is linked to an existing partner only", "[partners][store]") {
    auto db = database::open_memory();
    partner_store s(db);
    account_store accounts(db);
    user_row u;
    u.name = "lucia";
    u.role = "partner";
    u.password_hash = "x";
    auto const id = accounts.add(u);
    CHECK_FALSE(s.partner_of(id));
    CHECK_THROWS(s.link(id, std::string("casa"))); // the foreign key: no such partner
    s.insert(casa(), 1);
    CHECK(s.link(id, std::string("casa")));
    CHECK(s.partner_of(id) == "casa");
    CHECK(s.link(id, std::nullopt));
    CHECK_FALSE(s.partner_of(id));
    CHECK_FALSE(s.link(id + 1, std::string("casa")));
}
