#include "store/reach_store.hpp"

#include "store/database.hpp"

#include <catch2/catch.hpp>

using namespace farol::store;

namespace {
reach_count cell(std::uint64_t n, std::string source = "direct") {
    return {"2026-07-30", "alfa", "pt-BR", "view", std::move(source), "phone", n};
}
} // namespace

TEST_CASE("reach store: flushes add counts and set each run's readers, runs add up", "[reach][store]") {
    auto db = database::open_memory();
    reach_store first(db, 1);
    first.flush({cell(3), cell(1, "qr")}, {{"2026-07-30", "alfa", "pt-BR", 2}});
    first.flush({cell(4)}, {{"2026-07-30", "alfa", "pt-BR", 5}}); // the day's estimate so far replaces 2
    CHECK(first.count(cell(0)) == 7);
    CHECK(first.count(cell(0, "qr")) == 1);
    CHECK(first.count(cell(0, "whatsapp")) == 0);
    CHECK(first.readers("2026-07-30", "alfa", "pt-BR") == 5);
    reach_store second(db, 2); // after a restart: a new salt, a new run
    second.flush({cell(1)}, {{"2026-07-30", "alfa", "pt-BR", 3}});
    CHECK(second.count(cell(0)) == 8);
    CHECK(second.readers("2026-07-30", "alfa", "pt-BR") == 8);
    second.flush({}, {}); // nothing to write: no transaction
}
