// Handlers without sockets: search with its narrow service over an in-memory store.
#include "handlers/handler_fixture.hpp"
#include "handlers/search.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"
#include "store/search.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

TEST_CASE("search: hits in the reader's language, only what the Site publishes, never cached", "[handlers][search]") {
    handler_fixture f;
    auto db = store::database::open_memory(f.clock);
    auto stored = f.library;
    content::campaign hidden = stored.campaigns.front();
    hidden.slug = "escondida"; // in the store, not in the Site: search must not offer it
    stored.campaigns.push_back(hidden);
    store::import_library(*db, stored);
    store::search_index index(db);
    auto const d = f.dispatcher_for([&](http::route_group& r) {
        handlers::search::mount(r, {f.site, index, [&] { return f.pages; }});
    });

    request_builder found("/pt-BR/search?q=corpo");
    auto const res = answer(d, found);
    CHECK(res.result() == status::ok);
    CHECK(res[field::cache_control] == "no-store");
    CHECK(res[field::content_language] == "pt-BR");
    auto const html = body_of(res);
    CHECK(html.find("/pt-BR/c/teste") != std::string::npos);
    CHECK(html.find("/pt-BR/c/escondida") == std::string::npos);

    request_builder other_language("/ar/search?q=corpo");
    CHECK(body_of(answer(d, other_language)).find("/ar/c/teste") == std::string::npos);

    request_builder unknown("/xx/search?q=corpo");
    CHECK(answer(d, unknown).result() == status::not_found);
}

TEST_CASE("search: a text outside its own window is not found, though its page shows another language", "[handlers][search]") {
    handler_fixture f;
    auto& ar = f.library.campaigns.front().translations.back();
    REQUIRE(ar.language == "ar");
    ar.window.from = f.clock.now() + std::chrono::hours(24);
    f.site.publish(f.built_site());
    auto db = store::database::open_memory(f.clock);
    store::import_library(*db, f.library);
    store::search_index index(db);
    auto const d = f.dispatcher_for([&](http::route_group& r) {
        handlers::search::mount(r, {f.site, index, [&] { return f.pages; }});
    });
    CHECK(f.site.current()->page("/ar/c/teste")); // in the fallback language meanwhile
    request_builder early("/ar/search?q=%D9%85%D9%84%D8%AE%D8%B5"); // "ملخص", the Arabic summary
    CHECK(body_of(answer(d, early)).find("/ar/c/teste") == std::string::npos);
    f.clock.advance(std::chrono::hours(24));
    f.site.publish(f.built_site());
    request_builder later("/ar/search?q=%D9%85%D9%84%D8%AE%D8%B5");
    CHECK(body_of(answer(d, later)).find("/ar/c/teste") != std::string::npos);
}
