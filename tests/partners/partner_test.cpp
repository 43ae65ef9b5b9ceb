#include "partners/partner.hpp"
#include "partners/registry.hpp"

#include <catch2/catch.hpp>

using namespace farol::partners;

TEST_CASE("partner ids: short lower-case words, never a source name reports already use", "[partners]") {
    CHECK_FALSE(id_problem("casa-do-migrante"));
    CHECK_FALSE(id_problem("ngo42"));
    CHECK(id_problem(""));
    CHECK(id_problem(std::string(41, 'a')));
    CHECK(id_problem("Casa"));
    CHECK(id_problem("casa_migrante"));
    CHECK(id_problem("-casa"));
    CHECK(id_problem("casa-"));
    CHECK(id_problem("qr"));
    CHECK(id_problem("whatsapp"));
    CHECK(id_problem("direct"));
    CHECK(id_problem("partner:x"));
}

TEST_CASE("allowed origins are stored in their RFC 6454 serialization, anything else refused", "[partners]") {
    CHECK(normalize_origin("https://NGO.example") == "https://ngo.example");
    CHECK(normalize_origin("https://ngo.example/") == "https://ngo.example");
    CHECK(normalize_origin("https://ngo.example:443") == "https://ngo.example");
    CHECK(normalize_origin("http://127.0.0.1:8081") == "http://127.0.0.1:8081");
    CHECK(normalize_origin("http://[::1]:8081") == "http://[::1]:8081");
    CHECK_FALSE(normalize_origin("ngo.example"));
    CHECK_FALSE(normalize_origin("ftp://ngo.example"));
    CHECK_FALSE(normalize_origin("https://ngo.example/path"));
    CHECK_FALSE(normalize_origin("https://ngo.example?x=1"));
    CHECK_FALSE(normalize_origin("https://user@ngo.example"));
    CHECK_FALSE(normalize_origin("https://ngo.example:0"));
    CHECK_FALSE(normalize_origin("https://ngo.example; script-src *"));
    CHECK_FALSE(normalize_origin("https://"));
    CHECK_FALSE(normalize_origin("*"));
}

TEST_CASE("the registry swaps whole sets and finds partners by id", "[partners]") {
    registry r;
    CHECK(r.current()->partners.empty());
    partner a{"casa", "Casa", {"https://casa.example"}};
    partner b{"abrigo", "Abrigo", {}};
    b.enabled = false;
    r.replace({{a, b}});
    auto const set = r.current();
    REQUIRE(set->partners.size() == 2);
    CHECK(set->partners[0].id == "abrigo"); // sorted
    CHECK(set->find("abrigo"));
    CHECK_FALSE(set->enabled("abrigo"));
    CHECK(set->enabled("casa")->origins == std::vector<std::string>{"https://casa.example"});
    CHECK_FALSE(set->find("nobody"));
    r.replace({});
    CHECK(set->partners.size() == 2); // a reader's snapshot outlives the swap
    CHECK(r.current()->partners.empty());
}

TEST_CASE("the registry reloads from a loader, and a failed load keeps the set it had", "[partners]") {
    registry r;
    r.reload([] { return partner_set{{partner{"casa", "Casa", {"https://casa.example"}}}}; });
    REQUIRE(r.current()->find("casa"));
    CHECK_THROWS_AS(r.reload([]() -> partner_set { throw std::runtime_error("database is locked"); }),
                    std::runtime_error);
    CHECK(r.current()->find("casa"));
    r.reload([] { return partner_set{}; }); // the mutex was released by the failed load
    CHECK(r.current()->partners.empty());
}
