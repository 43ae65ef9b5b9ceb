#include "http/dispatcher.hpp"
#include "http/response.hpp"
#include "http/route_policy.hpp"
#include "support/request_builder.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::http;
using farol::test::request_builder;

namespace {
bool has(response const& res, field f) { return res.find(f) != res.end(); }

response ok_with_cookie(request_context const&) {
    auto res = make_text(status::ok, "ok");
    res.set(field::set_cookie, "id=1; Path=/");
    return res;
}
} // namespace

TEST_CASE("areas claim their prefixes, routes stay inside their area", "[http][policy]") {
    router r;
    auto api = r.area(area::api, "/api/");
    auto site = r.area(area::public_site);
    api.get("/api/v1/campaigns", ok_with_cookie, {.name = "api_campaigns"});
    site.get("/{lang}/", ok_with_cookie, {.name = "home"});
    CHECK(r.area_of("/api/v1/nothing") == area::api);
    CHECK(r.area_of("/api") == area::api);
    CHECK(r.area_of("/apis") == area::public_site);
    CHECK(r.area_of("/pt-BR/") == area::public_site);
    CHECK_THROWS_AS(site.get("/api/v2/x", ok_with_cookie, {.name = "x"}), std::invalid_argument);
    CHECK_THROWS_AS(api.get("/other", ok_with_cookie, {.name = "y"}), std::invalid_argument);
    CHECK_THROWS_AS(r.area(area::editor, "/api/"), std::invalid_argument);
    CHECK_THROWS_AS(r.area(area::editor, "editor"), std::invalid_argument);
}

TEST_CASE("the dispatcher enforces each area's policy in one place", "[http][policy]") {
    util::fixed_clock clock(farol::test::test_epoch());
    router r;
    auto ops = r.area(area::ops);
    auto api = r.area(area::api, "/api/");
    auto editor = r.area(area::editor, "/editor/");
    auto site = r.area(area::public_site);
    ops.get("/healthz", ok_with_cookie, {.name = "healthz"});
    api.get("/api/v1/x", ok_with_cookie, {.name = "api_x"});
    editor.get("/editor/", ok_with_cookie, {.name = "editor_home", .anonymous = true});
    site.get("/page", ok_with_cookie, {.name = "page"});
    site.add(verb::post, "/form", ok_with_cookie, {.name = "form", .body = body_kind::form, .max_body = 500});
    dispatcher d(std::move(r), {}, clock);
    bool reader_page_used = false;
    d.set_error_renderer([&](request_context const& ctx, status s, std::string_view detail) {
        reader_page_used = true;
        return default_error(ctx, s, detail);
    });
    auto const run = [&](std::string_view target, verb method = verb::get) {
        request_builder b(target, method);
        auto res = farol::test::answer(d, b);
        d.finish(b.context(), res);
        return res;
    };

    SECTION("cookies leave only the editor area") {
        CHECK_FALSE(has(run("/page"), field::set_cookie));
        CHECK_FALSE(has(run("/healthz"), field::set_cookie));
        CHECK_FALSE(has(run("/api/v1/x"), field::set_cookie));
        CHECK(run("/editor/")[field::set_cookie] == "id=1; Path=/");
    }
    SECTION("errors take the area's style, matched or not") {
        auto const api_missing = run("/api/v1/nothing");
        CHECK(api_missing.result() == status::not_found);
        CHECK(api_missing[field::content_type] == "application/problem+json");
        CHECK_FALSE(reader_page_used);
        auto const ops_wrong = run("/healthz", verb::delete_);
        CHECK(ops_wrong.result() == status::method_not_allowed);
        CHECK(ops_wrong[field::content_type] == "text/html; charset=utf-8");
        CHECK_FALSE(reader_page_used);
        CHECK(run("/nothing").result() == status::not_found);
        CHECK(reader_page_used);
    }
    SECTION("any origin may read the api, and only the api") {
        CHECK(run("/api/v1/x")[field::access_control_allow_origin] == "*");
        CHECK(run("/api/v1/nothing")[field::access_control_allow_origin] == "*");
        CHECK_FALSE(has(run("/page"), field::access_control_allow_origin));
        CHECK(run("/api/v1/x")[field::access_control_expose_headers] == "ETag, Link");
        CHECK(run("/api/v1/x", verb::post)[field::access_control_expose_headers] == "ETag, Link");
        CHECK_FALSE(has(run("/api/v1/x"), field::access_control_allow_credentials));
        CHECK_FALSE(has(run("/page"), field::access_control_expose_headers));
    }
    SECTION("a preflight to the api learns the route's methods, and nothing else is a preflight") {
        auto const pre = run("/api/v1/x", verb::options);
        CHECK(pre.result() == status::no_content);
        CHECK(pre[field::access_control_allow_origin] == "*");
        CHECK(pre[field::access_control_allow_methods] == "GET, HEAD, OPTIONS");
        CHECK(pre[field::access_control_allow_headers] == "If-None-Match, If-Match");
        CHECK(pre[field::access_control_max_age] == "86400");
        CHECK_FALSE(has(pre, field::access_control_allow_credentials));
        CHECK_FALSE(has(run("/api/v1/x"), field::access_control_allow_methods));
        CHECK_FALSE(has(run("/page", verb::options), field::access_control_allow_methods));
    }
    SECTION("a route that takes no body refuses one from the head") {
        request_builder get("/page");
        CHECK(d.prepare(get.context()).body_limit == 0);
        request_builder post("/form", verb::post);
        CHECK(d.prepare(post.context()).body_limit == 500);
    }
}

TEST_CASE("a form route gets its fields parsed once, and cookies are read only where sessions live", "[http][policy][forms]") {
    util::fixed_clock clock(farol::test::test_epoch());
    router r;
    auto editor = r.area(area::editor, "/editor/");
    auto site = r.area(area::public_site);
    std::string seen;
    editor.add(verb::post, "/editor/sign-in", [&](request_context const& ctx) {
        seen = std::string(find_field(ctx.form, "user").value_or("?")) + "|" +
               std::string(find_field(ctx.cookies, "s").value_or("?"));
        return make_empty(status::no_content);
    }, {.name = "sign_in", .body = body_kind::form, .anonymous = true});
    site.get("/page", [&](request_context const& ctx) {
        seen = ctx.cookies.empty() ? "no cookies" : "cookies read";
        return make_empty(status::no_content);
    }, {.name = "page"});
    dispatcher d(std::move(r), {}, clock);

    auto const post = [&](std::string_view type, std::string body) {
        request_builder b("/editor/sign-in", verb::post);
        b.header(field::content_type, type).header(field::cookie, "s=abc").header(field::origin, "http://farol.test");
        b.context().req.body() = std::move(body);
        return farol::test::answer(d, b).result();
    };
    CHECK(post("application/x-www-form-urlencoded; charset=UTF-8", "user=ana+maria") == status::no_content);
    CHECK(seen == "ana maria|abc");
    CHECK(post("application/json", "{}") == status::unsupported_media_type);
    CHECK(post("application/x-www-form-urlencoded", "user=%zz") == status::bad_request);

    request_builder page("/page");
    page.header(field::cookie, "tracker=1");
    farol::test::answer(d, page);
    CHECK(seen == "no cookies");
}
