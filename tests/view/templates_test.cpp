#include "view/templates.hpp"

#include "support/test_server.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

using farol::test::temp_dir;
using farol::view::template_error;
using farol::view::templates;

namespace {

std::string load_error(temp_dir const& dir) {
    try {
        templates::load(dir.path());
    } catch (template_error const& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("the shipped templates compile and use only known partials", "[view]") {
    auto const t = farol::view::load_site_templates(std::filesystem::path(FAROL_SOURCE_DIR) / "templates");
    auto const names = t->names();
    for (auto const* expected : {"home", "campaign", "search", "error", "sitemap", "partials/layout_start",
                                 "partials/layout_end", "partials/hotlines", "partials/search_form"})
        CHECK(std::find(names.begin(), names.end(), expected) != names.end());
    CHECK(t->string_keys().contains("exit.label"));
}

TEST_CASE("a broken template refuses to load, naming the file", "[view]") {
    temp_dir dir;
    dir.write("partials/ok.mustache", "fine");
    dir.write("page.mustache", "{{#open}}never closed");
    auto const why = load_error(dir);
    CHECK(why.find("page.mustache") != std::string::npos);
    CHECK(why.find("open") != std::string::npos);
}

TEST_CASE("a broken partial refuses to load on its own, not silently at render", "[view]") {
    temp_dir dir;
    dir.write("partials/bad.mustache", "{{/nope}}");
    dir.write("page.mustache", "{{>bad}}");
    CHECK(load_error(dir).find("bad.mustache") != std::string::npos);
}

TEST_CASE("an unknown partial, changed delimiters or raw output of plain fields are refused", "[view]") {
    temp_dir a, b, c, d;
    a.write("page.mustache", "{{>missing}}");
    CHECK(load_error(a).find("unknown partial 'missing'") != std::string::npos);
    b.write("page.mustache", "{{=<% %>=}}<%x%>");
    CHECK(load_error(b).find("delimiters") != std::string::npos);
    c.write("page.mustache", "{{{title}}}");
    CHECK(load_error(c).find("title") != std::string::npos);
    d.write("page.mustache", "{{&summary}}");
    CHECK(load_error(d).find("summary") != std::string::npos);
}

TEST_CASE("rendering escapes text and passes *_html through", "[view]") {
    temp_dir dir;
    dir.write("partials/title.mustache", "<h1>{{title}}</h1>");
    dir.write("page.mustache", "{{>title}}<a href=\"{{href}}\">x</a>{{{body_html}}}{{#items}}[{{.}}]{{/items}}");
    auto const t = templates::load(dir.path());
    auto const data = boost::json::parse(R"({"title":"<script>alert(1)</script>","href":"\" onclick=\"x",
        "body_html":"<p>ok</p>","items":["a","b"]})");
    auto const html = t->render("page", data);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("\" onclick") == std::string::npos);
    CHECK(html.find("<p>ok</p>") != std::string::npos);
    CHECK(html.find("[a][b]") != std::string::npos);
    CHECK_THROWS_AS(t->render("nope", data), template_error);
}

TEST_CASE("partials are inlined at load, nested ones too, and a partial that includes itself is refused", "[view]") {
    temp_dir dir, loop;
    dir.write("partials/outer.mustache", "<header>{{>inner}}</header>");
    dir.write("partials/inner.mustache", "<b>{{name}}</b>");
    dir.write("page.mustache", "{{#people}}{{>outer}}{{/people}}");
    auto const t = templates::load(dir.path());
    auto const html = t->render("page", boost::json::parse(R"({"people":[{"name":"Ana"},{"name":"Luís"}]})"));
    CHECK(html == "<header><b>Ana</b></header><header><b>Luís</b></header>");

    loop.write("partials/me.mustache", "again {{>me}}");
    loop.write("page.mustache", "{{>me}}");
    CHECK(load_error(loop).find("includes itself") != std::string::npos);
}

TEST_CASE("shared data renders as a root key, from sections too, and is converted once", "[view]") {
    temp_dir dir;
    dir.write("page.mustache", "{{t.hello}} {{#items}}{{t.item}}={{.}};{{/items}}{{^t.missing}}none{{/t.missing}}");
    auto const t = templates::load(dir.path());
    auto const strings = templates::prepare(boost::json::parse(R"({"hello":"Olá","item":"item"})"));
    auto const data = boost::json::parse(R"({"items":["a","b"]})");
    CHECK(t->render("page", data, {{"t", strings.get()}}) == "Olá item=a;item=b;none");
    // The same prepared data serves any number of renders.
    CHECK(t->render("page", data, {{"t", strings.get()}}) == "Olá item=a;item=b;none");
    CHECK(t->render("page", data) == " =a;=b;none");
}
