// Handlers without sockets: the public pages' routes through the real dispatcher.
#include "handlers/downloads.hpp"
#include "handlers/pages.hpp"
#include "handlers/handler_fixture.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

TEST_CASE("pages: / redirects by Accept-Language, a page is the Site's bytes", "[handlers][pages]") {
    handler_fixture f;
    auto const d = f.dispatcher_for([&](http::route_group& r) { handlers::pages::mount(r, {f.site, f.clock}); });

    request_builder root("/");
    root.header(field::accept_language, "ar-EG, pt;q=0.5");
    auto const moved = answer(d, root);
    CHECK(moved.result() == status::found);
    CHECK(moved[field::location] == "/ar/");
    CHECK(moved[field::vary] == "Accept-Language");

    request_builder refused("/");
    refused.header(field::accept_language, "pt-BR;q=0, *");
    CHECK(answer(d, refused)[field::location] == "/es/");

    request_builder page("/ar/c/teste");
    auto const res = answer(d, page);
    CHECK(res.result() == status::ok);
    CHECK(body_of(res) == std::string(f.site.current()->page("/ar/c/teste")->identity.bytes.data));
    CHECK(body_of(res).find("عنوان") != std::string::npos);

    request_builder no_slash("/es");
    auto const to_home = answer(d, no_slash);
    CHECK(to_home.result() == status::moved_permanently);
    CHECK(to_home[field::location] == "/es/");
}

TEST_CASE("pages: unknown language or slug is the 404 page in the reader's language", "[handlers][pages]") {
    handler_fixture f;
    auto const d = f.dispatcher_for([&](http::route_group& r) { handlers::pages::mount(r, {f.site, f.clock}); });
    request_builder missing("/ar/c/nada");
    auto const res = answer(d, missing);
    CHECK(res.result() == status::not_found);
    CHECK(res[field::content_language] == "ar");
    CHECK(res[field::cache_control] == "no-store");
    CHECK(body_of(res).find("dir=\"rtl\"") != std::string::npos);

    request_builder unknown("/xx/");
    unknown.header(field::accept_language, "fr");
    auto const other = answer(d, unknown);
    CHECK(other.result() == status::not_found);
    CHECK(other[field::content_language] == "fr");
}

TEST_CASE("pages: conditional requests reach the handler's representation", "[handlers][pages]") {
    handler_fixture f;
    auto const d = f.dispatcher_for([&](http::route_group& r) { handlers::pages::mount(r, {f.site, f.clock}); });
    auto const etag = f.site.current()->page("/pt-BR/c/teste")->identity.etag;
    request_builder again("/pt-BR/c/teste");
    again.header(field::if_none_match, etag);
    CHECK(answer(d, again).result() == status::not_modified);
    request_builder failed("/pt-BR/c/teste");
    failed.header(field::if_match, "\"other\"");
    auto const res = answer(d, failed);
    CHECK(res.result() == status::precondition_failed);
    CHECK(res[field::content_language] == "pt-BR");
}

TEST_CASE("downloads: an unknown material is a 404, never another file", "[handlers][downloads]") {
    handler_fixture f;
    auto const d = f.dispatcher_for([&](http::route_group& r) { handlers::downloads::mount(r, {f.site}); });
    request_builder missing("/m/0123456789abcdef/folheto.pdf");
    CHECK(answer(d, missing).result() == status::not_found);
}
