#include "http/response.hpp"
#include "http/router.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

namespace {
handler named(std::string name) {
    return [name](request_context const&) { return make_text(status::ok, name); };
}
std::vector<std::string> segs(std::initializer_list<char const*> s) { return {s.begin(), s.end()}; }
} // namespace

TEST_CASE("router matches literals, params and tails", "[router]") {
    router r;
    r.get("/", named("root"));
    r.get("/{lang}/", named("home"));
    r.get("/{lang}/c/{slug}", named("campaign"));
    r.get("/s/{hash}/{*name}", named("static"));

    auto m = r.find(verb::get, segs({}));
    REQUIRE(m.outcome == router::match::found);
    CHECK(m.found_route->pattern == "/");

    m = r.find(verb::get, segs({"pt-BR", ""}));
    REQUIRE(m.outcome == router::match::found);
    CHECK(m.found_route->pattern == "/{lang}/");
    CHECK(m.params == std::vector<std::string>{"pt-BR"});

    m = r.find(verb::get, segs({"es", "c", "reconhecer"}));
    REQUIRE(m.outcome == router::match::found);
    CHECK(m.params == std::vector<std::string>{"es", "reconhecer"});

    m = r.find(verb::get, segs({"s", "abc", "icons", "logo.svg"}));
    REQUIRE(m.outcome == router::match::found);
    CHECK(m.params == std::vector<std::string>{"abc", "icons/logo.svg"});
}

TEST_CASE("router answers 404, 405 with Allow, OPTIONS and 501 from one place", "[router]") {
    router r;
    r.get("/healthz", named("h"));
    r.add(verb::post, "/b", named("beacon"));

    CHECK(r.find(verb::get, segs({"nope"})).outcome == router::match::not_found);
    CHECK(r.find(verb::get, segs({"healthz", "x"})).outcome == router::match::not_found);
    CHECK(r.find(verb::get, segs({"s", "abc"})).outcome == router::match::not_found);

    auto m = r.find(verb::delete_, segs({"healthz"}));
    CHECK(m.outcome == router::match::method_not_allowed);
    CHECK(m.allow == "GET, HEAD, OPTIONS");

    m = r.find(verb::get, segs({"b"}));
    CHECK(m.outcome == router::match::method_not_allowed);
    CHECK(m.allow == "POST, OPTIONS");

    m = r.find(verb::options, segs({"healthz"}));
    CHECK(m.outcome == router::match::options);

    CHECK(r.find(verb::trace, segs({"healthz"})).outcome == router::match::not_implemented);
    CHECK(r.find(verb::unknown, segs({"healthz"})).outcome == router::match::not_implemented);
}

TEST_CASE("HEAD is answered by every GET route", "[router]") {
    router r;
    r.get("/healthz", named("h"));
    auto m = r.find(verb::head, segs({"healthz"}));
    REQUIRE(m.outcome == router::match::found);
    CHECK(m.found_route->method == verb::get);
}

TEST_CASE("a tail parameter never matches an empty remainder or empty segments", "[router]") {
    router r;
    r.get("/s/{hash}/{*name}", named("static"));
    CHECK(r.find(verb::get, segs({"s", "h", ""})).outcome == router::match::not_found);
    CHECK(r.find(verb::get, segs({"s", "h", "a", "", "b"})).outcome == router::match::not_found);
    CHECK(r.find(verb::get, segs({"s", "", "a"})).outcome == router::match::not_found);
}

TEST_CASE("a route name belongs to one pattern: a second pattern under it is a start-up error", "[router]") {
    router r;
    r.get("/{lang}/", named("home"), {.name = "home"});
    try {
        r.get("/{lang}", named("redirect"), {.name = "home"});
        FAIL("the second pattern named \"home\" was accepted");
    } catch (std::invalid_argument const& e) {
        std::string const what = e.what();
        CHECK(what.find("\"home\"") != std::string::npos);
        CHECK(what.find("/{lang}/") != std::string::npos);
        CHECK(what.find("/{lang} ") != std::string::npos);
    }
    CHECK(r.routes().size() == 1);
    // A default name is the pattern, so it clashes with an explicit name equal to another pattern.
    r.get("/healthz", named("h"));
    CHECK_THROWS_AS(r.get("/readyz", named("r"), {.name = "/healthz"}), std::invalid_argument);
}

TEST_CASE("one pattern may share its name across methods, but a method + pattern is added once", "[router]") {
    router r;
    r.get("/editor/c/{slug}", named("get"), {.name = "editor_campaign"});
    CHECK_NOTHROW(r.add(verb::post, "/editor/c/{slug}", named("post"), {.name = "editor_campaign"}));
    CHECK_THROWS_WITH(r.add(verb::post, "/editor/c/{slug}", named("again"), {.name = "other"}),
                      Catch::Contains("POST /editor/c/{slug} is mounted twice"));
    CHECK(r.routes().size() == 2);
}
