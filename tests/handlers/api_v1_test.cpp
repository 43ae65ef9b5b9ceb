// The public JSON API v1 through the real dispatcher: documents, pagination, validators, caching
// against the rotation, CORS and problem+json errors.
#include "handlers/api_v1.hpp"
#include "handlers/handler_fixture.hpp"
#include "support/json_schema.hpp"
#include "support/temp_dir.hpp"
#include "util/compress.hpp"
#include "util/hash.hpp"

#include <boost/json/parse.hpp>
#include "support/response_header.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;
namespace json = boost::json;

namespace {

// Seven campaigns: teste (pt-BR and ar, a leaflet, tagged trafico), outra, and c1..c5 (pt-BR, c1..c3
// also in es, c1 and c2 tagged saude); widget-default rotates teste and outra every half hour.
struct api_fixture : handler_fixture {
    temp_dir files;
    std::string leaflet = "%PDF-1.4 a small leaflet for the test\n";
    api_fixture() {
        auto& teste = library.campaigns.front();
        teste.tags = {"trafico"};
        auto const sha = util::sha256_hex(leaflet);
        files.write(sha, leaflet);
        teste.materials.push_back({"folheto", "leaflet", {{"pt-BR", "folheto pt.pdf", sha, leaflet.size(), "application/pdf"}}});
        content::campaign other = teste;
        other.slug = "outra";
        other.tags = {};
        other.materials = {};
        other.translations = {{"pt-BR", "Outra campanha", "Outro resumo", "", "<p>outra</p>"}};
        library.campaigns.push_back(other);
        for (int i = 1; i <= 5; ++i) {
            content::campaign c = other;
            c.slug = "c" + std::to_string(i);
            c.translations = {{"pt-BR", "Campanha " + c.slug, "Resumo", "", "<p>texto</p>"}};
            if (i <= 3) c.translations.push_back({"es", "Campaña " + c.slug, "Resumen", "", "<p>texto</p>"});
            if (i <= 2) c.tags = {"saude"};
            library.campaigns.push_back(c);
        }
        std::sort(library.campaigns.begin(), library.campaigns.end(), [](auto const& a, auto const& b) { return a.slug < b.slug; });
        content::rotation_entry a, b;
        a.campaign = "teste";
        b.campaign = "outra";
        library.slots = {{"widget-default", "America/Sao_Paulo", 1800, 1, true, {a, b}}};
        publish();
    }
    void publish() {
        site.publish(view::build_site(*pages, library, [this](std::string_view sha) { return files / std::string(sha); },
                                      clock.now()));
    }
    http::dispatcher dispatcher() const {
        http::router r;
        auto api = r.area(http::area::api, "/api/");
        handlers::api_v1::mount(api, {site, clock, assets});
        return http::dispatcher(std::move(r), {}, clock);
    }
    // The response as sent: the dispatcher's answer, finished by the area's policy (CORS).
    http::response send(std::string const& target, http::verb method = http::verb::get,
                        std::vector<std::pair<field, std::string>> const& headers = {}) const {
        auto const d = dispatcher();
        request_builder req(target, method);
        for (auto const& [f, v] : headers) req.header(f, v);
        auto res = answer(d, req);
        d.finish(req.context(), res);
        return res;
    }
    json::value get_json(std::string const& target) const {
        auto const res = send(target);
        REQUIRE(res.result() == status::ok);
        return json::parse(body_of(res));
    }
};

std::string header(http::response const& res, std::string_view name) { return test::response_header(res, name); }

long max_age(http::response const& res) {
    auto const cc = header(res, "Cache-Control");
    auto const at = cc.find("max-age=");
    REQUIRE(at != std::string::npos);
    return std::stol(cc.substr(at + 8));
}

std::vector<std::string> slugs(json::value const& list) {
    std::vector<std::string> out;
    for (auto const& c : list.at("campaigns").as_array()) out.emplace_back(c.at("slug").as_string());
    return out;
}

void check_problem(http::response const& res, status s) {
    CHECK(res.result() == s);
    CHECK(header(res, "Content-Type") == "application/problem+json");
    CHECK(header(res, "Access-Control-Allow-Origin") == "*");
    auto const p = json::parse(body_of(res));
    CHECK(p.at("status").as_int64() == static_cast<int>(s));
    CHECK(!p.at("title").as_string().empty());
    CHECK(!p.at("detail").as_string().empty());
    CHECK(p.at("type").is_string());
}

} // namespace

TEST_CASE("api: one campaign in a language, with its page's HTML and its materials", "[api]") {
    api_fixture f;
    auto const doc = f.get_json("/api/v1/campaigns/teste?lang=pt-BR");
    CHECK(doc.at("slug") == "teste");
    CHECK(doc.at("title") == "Título PT");
    CHECK(doc.at("summary") == "Resumo PT");
    CHECK(doc.at("body_html") == "<p>corpo pt</p>");
    CHECK(doc.at("language") == "pt-BR");
    CHECK(doc.at("fallback") == false);
    CHECK(doc.at("languages") == json::parse(R"(["pt-BR","ar"])"));
    CHECK(doc.at("url") == "https://farol.example.org/pt-BR/c/teste");
    auto const& m = doc.at("materials").at(0);
    CHECK(m.at("url").as_string() == "https://farol.example.org/m/" + util::sha256_hex(f.leaflet).substr(0, 16) + "/folheto%20pt.pdf");
    CHECK(m.at("size") == f.leaflet.size());
    CHECK(m.at("type") == "application/pdf");
    CHECK(m.at("kind") == "leaflet");
    // The same document as the page's text.
    auto const page = f.site.current()->page("/pt-BR/c/teste");
    REQUIRE(page);
    CHECK(std::string(page->identity.bytes.data).find("<p>corpo pt</p>") != std::string::npos);
}

TEST_CASE("api: a language without a text falls back along the chain and says so", "[api]") {
    api_fixture f;
    auto const es = f.get_json("/api/v1/campaigns/teste?lang=es");
    CHECK(es.at("requested_language") == "es");
    CHECK(es.at("language") == "pt-BR");
    CHECK(es.at("fallback") == true);
    CHECK(es.at("title") == "Título PT");
    auto const ar = f.get_json("/api/v1/campaigns/teste?lang=ar");
    CHECK(ar.at("language") == "ar");
    CHECK(ar.at("fallback") == false);
    CHECK(ar.at("body_html") == "<p>نص</p>");
    // Without lang: the campaign's default language.
    CHECK(f.get_json("/api/v1/campaigns/teste").at("language") == "pt-BR");
}

TEST_CASE("api: the list pages by per_page with totals and RFC 8288 links", "[api]") {
    api_fixture f;
    auto const res = f.send("/api/v1/campaigns?per_page=3&page=2");
    REQUIRE(res.result() == status::ok);
    auto const list = json::parse(body_of(res));
    CHECK(list.at("total") == 7);
    CHECK(list.at("pages") == 3);
    CHECK(list.at("page") == 2);
    CHECK(list.at("per_page") == 3);
    CHECK(slugs(list) == std::vector<std::string>{"c4", "c5", "outra"});
    auto const link = header(res, "Link");
    auto const base = std::string("https://farol.example.org/api/v1/campaigns?");
    CHECK(link == "<" + base + "page=1&per_page=3>; rel=\"first\", <" + base + "page=1&per_page=3>; rel=\"prev\", <" +
                      base + "page=3&per_page=3>; rel=\"next\", <" + base + "page=3&per_page=3>; rel=\"last\"");
    auto const last = f.send("/api/v1/campaigns?per_page=3&page=3");
    CHECK(slugs(json::parse(body_of(last))) == std::vector<std::string>{"teste"});
    CHECK(header(last, "Link").find("rel=\"next\"") == std::string::npos);
    auto const first = json::parse(body_of(f.send("/api/v1/campaigns")));
    CHECK(first.at("per_page") == 20);
    CHECK(first.at("campaigns").as_array().size() == 7);
    // A page past the last is empty, not an error.
    CHECK(json::parse(body_of(f.send("/api/v1/campaigns?per_page=3&page=9"))).at("campaigns").as_array().empty());
}

TEST_CASE("api: the list filters by language and tag, and the links keep the filters", "[api]") {
    api_fixture f;
    auto const es = f.get_json("/api/v1/campaigns?lang=es");
    CHECK(slugs(es) == std::vector<std::string>{"c1", "c2", "c3"});
    CHECK(es.at("campaigns").at(0).at("title") == "Campaña c1");
    CHECK(es.at("campaigns").at(0).at("language") == "es");
    CHECK(slugs(f.get_json("/api/v1/campaigns?tag=saude")) == std::vector<std::string>{"c1", "c2"});
    CHECK(slugs(f.get_json("/api/v1/campaigns?tag=trafico&lang=ar")) == std::vector<std::string>{"teste"});
    CHECK(f.get_json("/api/v1/campaigns?tag=nenhuma").at("total") == 0);
    auto const res = f.send("/api/v1/campaigns?lang=es&tag=sa%C3%BAde&per_page=1");
    CHECK(header(res, "Link").starts_with("<https://farol.example.org/api/v1/campaigns?lang=es&tag=sa%C3%BAde&page=1&per_page=1>"));
}

TEST_CASE("api: every document has a strong ETag and answers If-None-Match with 304", "[api]") {
    api_fixture f;
    for (auto const* target : {"/api/v1/campaigns?per_page=2", "/api/v1/campaigns/teste?lang=ar",
                               "/api/v1/slots/widget-default?lang=pt-BR", "/api/v1/languages", "/api/v1/openapi.json"}) {
        INFO(target);
        auto const res = f.send(target);
        REQUIRE(res.result() == status::ok);
        auto const etag = header(res, "ETag");
        CHECK(etag.starts_with("\""));
        CHECK(f.send(target).result() == status::ok); // stable between requests
        CHECK(header(f.send(target), "ETag") == etag);
        auto const again = f.send(target, http::verb::get, {{field::if_none_match, etag}});
        CHECK(again.result() == status::not_modified);
        CHECK(body_of(again).empty());
        CHECK(header(again, "Access-Control-Allow-Origin") == "*");
        CHECK(f.send(target, http::verb::get, {{field::if_none_match, "\"other\""}}).result() == status::ok);
        CHECK(f.send(target, http::verb::get, {{field::if_match, "\"other\""}}).result() == status::precondition_failed);
    }
}

TEST_CASE("api: documents come compressed in the reader's coding, each with its own ETag", "[api]") {
    api_fixture f;
    // A list is compressed per request in the preferred coding; a campaign is held gzip-only.
    for (auto const& [target, coding] : {std::pair{"/api/v1/campaigns", "br"}, std::pair{"/api/v1/campaigns/teste?lang=pt-BR", "gzip"}}) {
        INFO(target);
        auto const plain = f.send(target);
        auto const packed = f.send(target, http::verb::get, {{field::accept_encoding, "gzip, deflate, br"}});
        CHECK(header(packed, "Content-Encoding") == coding);
        CHECK(header(packed, "Vary") == "Accept-Encoding");
        CHECK(header(plain, "Vary") == "Accept-Encoding");
        CHECK(header(packed, "ETag") != header(plain, "ETag"));
        CHECK(body_of(packed).size() < body_of(plain).size());
        auto const revalidated = f.send(target, http::verb::get, {{field::accept_encoding, "gzip, deflate, br"}, {field::if_none_match, header(packed, "ETag")}});
        CHECK(revalidated.result() == status::not_modified);
        CHECK(header(revalidated, "ETag") == header(packed, "ETag"));
    }
}

TEST_CASE("api: a campaign held gzip-only is inflated for a reader without gzip, with the identity ETag", "[api]") {
    api_fixture f;
    auto const target = "/api/v1/campaigns/teste?lang=es";
    auto const gz = f.send(target, http::verb::get, {{field::accept_encoding, "gzip"}});
    REQUIRE(header(gz, "Content-Encoding") == "gzip");
    auto const inflated = util::gzip_decompress(body_of(gz));
    REQUIRE(inflated);
    for (auto const* accept : {"", "br", "identity", "gzip;q=0, br"}) {
        INFO(accept);
        auto const plain = f.send(target, http::verb::get, {{field::accept_encoding, accept}});
        REQUIRE(plain.result() == status::ok);
        CHECK(header(plain, "Content-Encoding").empty());
        CHECK(body_of(plain) == *inflated);
        CHECK(header(plain, "ETag") == "\"" + util::content_hash(*inflated) + "\"");
        CHECK(header(plain, "Vary") == "Accept-Encoding");
        // The identity ETag revalidates the identity bytes; the gzip one does not match them.
        CHECK(f.send(target, http::verb::get, {{field::accept_encoding, accept}, {field::if_none_match, header(plain, "ETag")}})
                  .result() == status::not_modified);
        CHECK(f.send(target, http::verb::get, {{field::accept_encoding, accept}, {field::if_none_match, header(gz, "ETag")}})
                  .result() == status::ok);
    }
    CHECK(json::parse(*inflated).at("requested_language") == "es");
}

TEST_CASE("api: a slot's pick is fresh until its rotation moves, never longer", "[api]") {
    api_fixture f;
    auto const res = f.send("/api/v1/slots/widget-default?lang=pt-BR");
    REQUIRE(res.result() == status::ok);
    auto const doc = json::parse(body_of(res));
    auto const pick = f.site.current()->pick("widget-default", "pt-BR");
    REQUIRE(pick);
    REQUIRE(pick->changes_at);
    CHECK(doc.at("campaign").at("slug").as_string() == pick->campaigns.front());
    CHECK(doc.at("slot") == "widget-default");
    CHECK(doc.at("scheduled") == true);
    CHECK(doc.at("changes_at") == "2026-11-23T12:30:00Z"); // half-hour periods from the epoch's noon
    CHECK(max_age(res) == 1800);
    // Nothing scheduled can show in Spanish: the first campaign with a Spanish text stands in, as in
    // the widget, until the next publish (a minute, and not past the site's next change).
    auto const es = f.send("/api/v1/slots/widget-default?lang=es");
    auto const stand_in = json::parse(body_of(es));
    CHECK(stand_in.at("scheduled") == false);
    CHECK(stand_in.at("campaign").at("slug") == "c1");
    CHECK(stand_in.at("changes_at").is_null());
    CHECK(max_age(es) == 60);
    f.clock.advance(std::chrono::minutes(20) + std::chrono::milliseconds(500));
    CHECK(max_age(f.send("/api/v1/slots/widget-default?lang=pt-BR")) == 599);
    f.clock.advance(std::chrono::minutes(15)); // past the boundary before a rebuild: not fresh at all
    CHECK(max_age(f.send("/api/v1/slots/widget-default?lang=pt-BR")) == 0);
    // Campaign documents keep a minute, but never past the site's next change either.
    CHECK(max_age(f.send("/api/v1/campaigns/teste")) == 0);
}

TEST_CASE("api: documents are fresh for a minute when nothing rotates sooner", "[api]") {
    api_fixture f;
    f.library.slots.clear();
    f.publish();
    for (auto const* target : {"/api/v1/campaigns", "/api/v1/campaigns/teste", "/api/v1/languages"}) {
        INFO(target);
        CHECK(header(f.send(target), "Cache-Control") == "public, max-age=60");
    }
    CHECK(header(f.send("/api/v1/openapi.json"), "Cache-Control") == "public, max-age=3600");
    CHECK(f.send("/api/v1/slots/widget-default").result() == status::not_found);
}

TEST_CASE("api: the site's languages", "[api]") {
    api_fixture f;
    auto const doc = f.get_json("/api/v1/languages");
    CHECK(doc.at("default_language") == "pt-BR");
    auto const& list = doc.at("languages").as_array();
    REQUIRE(list.size() == 6);
    CHECK(list.at(0).at("tag") == "pt-BR");
    CHECK(list.at(0).at("default") == true);
    CHECK(list.at(5).at("tag") == "ar");
    CHECK(list.at(5).at("direction") == "rtl");
    CHECK(list.at(5).at("name") == "العربية");
}

TEST_CASE("api: any origin may read, without credentials, and a preflight is answered", "[api]") {
    api_fixture f;
    auto const res = f.send("/api/v1/campaigns", http::verb::get, {{field::origin, "https://partner.example"}});
    CHECK(header(res, "Access-Control-Allow-Origin") == "*");
    CHECK(header(res, "Access-Control-Expose-Headers") == "ETag, Link");
    CHECK(header(res, "Access-Control-Allow-Credentials").empty());
    CHECK(res.find(field::set_cookie) == res.end());
    auto const pre = f.send("/api/v1/campaigns/teste", http::verb::options,
                            {{field::origin, "https://partner.example"}, {field::access_control_request_method, "GET"},
                             {field::access_control_request_headers, "if-none-match"}});
    CHECK(pre.result() == status::no_content);
    CHECK(header(pre, "Access-Control-Allow-Origin") == "*");
    CHECK(header(pre, "Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS");
    CHECK(header(pre, "Access-Control-Allow-Headers") == "If-None-Match, If-Match");
    CHECK(header(pre, "Access-Control-Allow-Credentials").empty());
    CHECK(!header(pre, "Access-Control-Max-Age").empty());
}

TEST_CASE("api: bad input gets a problem+json 4xx, never a 500", "[api]") {
    api_fixture f;
    check_problem(f.send("/api/v1/campaigns/no-such-campaign"), status::not_found);
    check_problem(f.send("/api/v1/slots/no-such-slot"), status::not_found);
    check_problem(f.send("/api/v1/campaigns?lang=de"), status::not_found);
    check_problem(f.send("/api/v1/campaigns/teste?lang=xx-YY"), status::not_found);
    check_problem(f.send("/api/v1/nothing-here"), status::not_found);
    for (auto const* bad : {"/api/v1/campaigns?page=0", "/api/v1/campaigns?page=-1", "/api/v1/campaigns?page=abc",
                            "/api/v1/campaigns?page=", "/api/v1/campaigns?page=99999999999999999999999",
                            "/api/v1/campaigns?per_page=0", "/api/v1/campaigns?per_page=101",
                            "/api/v1/campaigns?per_page=1.5", "/api/v1/campaigns?lang=pt_BR",
                            "/api/v1/campaigns?lang=%3Cscript%3E", "/api/v1/campaigns?lang=", "/api/v1/campaigns?tag=",
                            "/api/v1/campaigns/teste?lang=!!", "/api/v1/slots/widget-default?lang=123456789"}) {
        INFO(bad);
        check_problem(f.send(bad), status::bad_request);
    }
    auto const post = f.send("/api/v1/campaigns", http::verb::post);
    check_problem(post, status::method_not_allowed);
    CHECK(header(post, "Allow") == "GET, HEAD, OPTIONS");
    check_problem(f.send("/api/v1/languages", http::verb::delete_), status::method_not_allowed);
}

TEST_CASE("api: HEAD answers like GET without a body", "[api]") {
    api_fixture f;
    auto const get = f.send("/api/v1/campaigns/teste");
    auto const head = f.send("/api/v1/campaigns/teste", http::verb::head);
    CHECK(head.result() == status::ok);
    CHECK(header(head, "ETag") == header(get, "ETag"));
}

TEST_CASE("api: real responses conform to the OpenAPI document's schemas", "[api][openapi]") {
    api_fixture f;
    auto const doc = json::parse(body_of(f.send("/api/v1/openapi.json")));
    auto const schema = [&](std::string const& name) { return json::value{{"$ref", "#/components/schemas/" + name}}; };
    auto const conforms = [&](std::string const& target, std::string const& name) {
        INFO(target << " as " << name);
        auto const res = f.send(target);
        auto const problems = schema_violations(json::parse(body_of(res)), schema(name), doc);
        for (auto const& p : problems) UNSCOPED_INFO(p);
        CHECK(problems.empty());
    };
    conforms("/api/v1/campaigns?per_page=3&page=2", "CampaignList");
    conforms("/api/v1/campaigns?lang=es&tag=saude", "CampaignList");
    conforms("/api/v1/campaigns/teste?lang=es", "Campaign");
    conforms("/api/v1/campaigns/outra", "Campaign");
    conforms("/api/v1/slots/widget-default?lang=pt-BR", "SlotPick");
    conforms("/api/v1/slots/widget-default?lang=ar", "SlotPick");
    conforms("/api/v1/languages", "Languages");
    conforms("/api/v1/campaigns/none", "Problem");
    conforms("/api/v1/campaigns?page=0", "Problem");
    // The check itself catches a response that lost a required field or changed a type.
    auto broken = json::parse(body_of(f.send("/api/v1/campaigns/teste")));
    broken.as_object().erase("body_html");
    broken.as_object()["materials"].as_array().at(0).as_object()["size"] = "12";
    CHECK(schema_violations(broken, schema("Campaign"), doc).size() == 2);
}

TEST_CASE("api: a publish takes over the documents of unchanged campaigns and redoes the changed one", "[api]") {
    api_fixture f;
    auto const before = f.site.current();
    f.library.campaigns.back().translations.front().title = "Título novo"; // teste, last by slug
    auto const locate = [&f](std::string_view sha) { return f.files / std::string(sha); };
    view::build_options options;
    options.previous = before.get();
    auto const after = view::build_site(*f.pages, f.library, locate, f.clock.now(), options);
    for (auto const* lang : {"pt-BR", "es", "ar"}) {
        INFO(lang);
        CHECK(after->api_campaign("c1", lang)->gzip.data.data() == before->api_campaign("c1", lang)->gzip.data.data());
    }
    // Its Portuguese text changed, which Spanish falls back to; its Arabic document is the same bytes.
    CHECK(after->api_campaign("teste", "pt-BR")->content_hash() != before->api_campaign("teste", "pt-BR")->content_hash());
    CHECK(after->api_campaign("teste", "es")->content_hash() != before->api_campaign("teste", "es")->content_hash());
    CHECK(after->api_campaign("teste", "ar")->content_hash() == before->api_campaign("teste", "ar")->content_hash());
    f.site.publish(after);
    CHECK(f.get_json("/api/v1/campaigns/teste").at("title") == "Título novo");
    CHECK(f.get_json("/api/v1/campaigns?tag=trafico").at("campaigns").at(0).at("title") == "Título novo");
    CHECK(f.get_json("/api/v1/campaigns/c1").at("title") == "Campanha c1");
}
