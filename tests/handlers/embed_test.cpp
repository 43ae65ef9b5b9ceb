// The partner widget's card, the script, oEmbed and the beacon's impressions, through the dispatcher.
#include "handlers/beacon.hpp"
#include "handlers/embed.hpp"
#include "handlers/handler_fixture.hpp"
#include "handlers/oembed.hpp"
#include "metrics/crawler_list.hpp"
#include "metrics/event_buffers.hpp"
#include "metrics/reach_recorder.hpp"
#include "metrics/visitor_hash.hpp"
#include "partners/registry.hpp"
#include "schedule/schedule_fixtures.hpp"

#include <boost/json/parse.hpp>
#include "support/response_header.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

namespace {

constexpr char const* phone = "Mozilla/5.0 (Linux; Android 14; SM-A146B) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";

metrics::crawler_list const& crawlers() {
    static auto const list = metrics::crawler_list::load(
        FAROL_SOURCE_DIR "/scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json");
    return list;
}

// Two campaigns; widget-default rotates them every half hour; casa may be framed by its own site.
struct embed_fixture : handler_fixture {
    explicit embed_fixture(bool at_origin = true)
        : recorder(buffers, hasher, crawlers(),
                   {at_origin, "farol.example.org",
                    [this](std::string_view id) { return partners.current()->enabled(id) != nullptr; }}) {
        content::campaign other = library.campaigns.front();
        other.slug = "outra";
        other.translations = {{"pt-BR", "Outra campanha", "Outro resumo", "", "<p>outra</p>"}};
        library.campaigns.insert(library.campaigns.begin(), other); // sorted by slug
        content::rotation_entry a, b;
        a.campaign = "teste";
        b.campaign = "outra";
        a.weight = b.weight = 1;
        a.priority = b.priority = 1;
        library.slots = {{"widget-default", "America/Sao_Paulo", 1800, 1, true, {a, b}}};
        site.publish(built_site());
        partners::partner casa{"casa", "Casa do Migrante", {"https://casa.example", "http://127.0.0.1:8081"}};
        partners::partner closed{"fechada", "Fechada", {"https://fechada.example"}};
        closed.enabled = false;
        partners.replace({{casa, closed}});
    }
    http::dispatcher dispatcher() const {
        http::router r;
        auto root = r.area(http::area::embed);
        handlers::embed::mount_script(root, assets);
        handlers::beacon::mount(root, {site, const_cast<metrics::reach_recorder*>(&recorder), "farol.example.org", &partners});
        auto cards = r.area(http::area::embed, "/embed/");
        handlers::embed::mount(cards, {site, clock, &partners, const_cast<metrics::reach_recorder*>(&recorder)});
        auto api = r.area(http::area::api, "/oembed/");
        handlers::oembed::mount(api, {site, [this] { return pages; }, &partners});
        return http::dispatcher(std::move(r), {}, clock);
    }
    http::response get(std::string const& target, std::string_view ua = phone) const {
        request_builder req(target);
        req.header(field::user_agent, ua);
        req.context().client = boost::asio::ip::make_address("198.51.100.23");
        return answer(dispatcher(), req);
    }
    partners::registry partners;
    metrics::visitor_hasher hasher{clock, schedule::testing::must_zone("America/Sao_Paulo")};
    metrics::event_buffers buffers;
    metrics::reach_recorder recorder;
};

std::string header(http::response const& res, std::string_view name) { return test::response_header(res, name); }

} // namespace

TEST_CASE("embed: the slot's card in the partner's language, framed only by the partner's origins", "[embed]") {
    embed_fixture f;
    auto const res = f.get("/embed/widget-default?partner=casa&lang=pt-BR");
    REQUIRE(res.result() == status::ok);
    auto const body = body_of(res);
    auto const pick = f.site.current()->pick("widget-default", "pt-BR");
    REQUIRE(pick);
    auto const slug = pick->campaigns.front();
    CHECK(body.find("https://farol.example.org/pt-BR/c/" + slug + "?src=partner:casa") != std::string::npos);
    CHECK(body.find(slug == "teste" ? "Título PT" : "Outra campanha") != std::string::npos);
    CHECK(body.find("tel:100") != std::string::npos); // the hotline line
    CHECK(body.find('\x01') == std::string::npos);     // every hole filled
    auto const csp = header(res, "Content-Security-Policy");
    CHECK(csp.ends_with("frame-ancestors https://casa.example http://127.0.0.1:8081"));
    CHECK(csp.find("'unsafe-inline'") == std::string::npos);
    CHECK(csp.find("script-src 'sha256-") != std::string::npos);
    CHECK(res.find(field::set_cookie) == res.end());
    // Fresh until the half-hour rotation at the latest, never longer than five minutes.
    auto const cache = header(res, "Cache-Control");
    CHECK(cache.starts_with("public, max-age="));
    CHECK(std::stoi(cache.substr(16)) <= 300);
    CHECK(!header(res, "ETag").empty());
}

TEST_CASE("embed: the card's inline script and style match the hashes its policy allows", "[embed]") {
    embed_fixture f;
    auto const body = body_of(f.get("/embed/widget-default?partner=casa&accent=%23C0FFEE&theme=dark"));
    auto const csp = header(f.get("/embed/widget-default?partner=casa&accent=%23C0FFEE&theme=dark"), "Content-Security-Policy");
    auto const inner = [&](std::string const& open, std::size_t from) {
        auto const a = body.find(open, from) + open.size();
        return body.substr(a, body.find("</", a) - a);
    };
    auto const script = inner("<script>", 0);
    auto const style = inner("<style>", 0);
    auto const accent = inner("<style>", body.find("<style>") + 1);
    CHECK(accent == "html[class]{--accent:#c0ffee}");
    for (auto const* text : {&script, &style, &accent})
        CHECK(csp.find(published::csp_hash_source(*text)) != std::string::npos);
    CHECK(body.find("class=\"theme-dark\"") != std::string::npos);
}

TEST_CASE("embed: bad parameters get a short 4xx, never a card", "[embed]") {
    embed_fixture f;
    CHECK(f.get("/embed/widget-default").result() == status::bad_request);                      // no partner
    CHECK(f.get("/embed/widget-default?partner=nobody").result() == status::not_found);
    CHECK(f.get("/embed/widget-default?partner=fechada").result() == status::not_found);         // disabled
    CHECK(f.get("/embed/no-such-slot?partner=casa").result() == status::not_found);
    CHECK(f.get("/embed/widget-default?partner=casa&lang=xx").result() == status::not_found);
    CHECK(f.get("/embed/widget-default?partner=casa&theme=neon").result() == status::bad_request);
    for (auto const* accent : {"red", "12345", "1234567", "%22%3E%3Cscript%3E", "zzzzzz"})
        CHECK(f.get(std::string("/embed/widget-default?partner=casa&accent=") + accent).result() == status::bad_request);
    auto const refused = f.get("/embed/widget-default?partner=fechada");
    CHECK(header(refused, "Content-Security-Policy").find("frame-ancestors") == std::string::npos); // the default 'none' applies
}

TEST_CASE("embed: a language without the campaign's text shows its fallback, the partner's default language otherwise", "[embed]") {
    embed_fixture f;
    auto const ar = body_of(f.get("/embed/widget-default?partner=casa&lang=ar"));
    CHECK(ar.find("lang=\"ar\" dir=\"rtl\"") != std::string::npos);
    CHECK(ar.find("عنوان") != std::string::npos); // teste has Arabic; the slot falls back to what shows in it
    auto set = *f.partners.current();
    set.partners[0].default_language = "ar";
    f.partners.replace(set);
    CHECK(body_of(f.get("/embed/widget-default?partner=casa")).find("lang=\"ar\"") != std::string::npos);
}

TEST_CASE("embed: a campaign card for oEmbed may be framed anywhere, and revalidates by ETag", "[embed]") {
    embed_fixture f;
    auto const res = f.get("/embed/c/teste?lang=pt-BR");
    REQUIRE(res.result() == status::ok);
    CHECK(header(res, "Content-Security-Policy").ends_with("frame-ancestors *"));
    CHECK(body_of(res).find("/pt-BR/c/teste\"") != std::string::npos); // no partner, no source
    CHECK(f.get("/embed/c/nada?lang=pt-BR").result() == status::not_found);
    request_builder again("/embed/c/teste?lang=pt-BR");
    again.header(field::if_none_match, header(res, "ETag"));
    CHECK(answer(f.dispatcher(), again).result() == status::not_modified);
}

TEST_CASE("embed: a card counts one widget impression for its partner, not for crawlers or partner-less cards", "[embed][reach]") {
    embed_fixture f;
    f.get("/embed/widget-default?partner=casa&lang=pt-BR");
    f.get("/embed/widget-default?partner=casa&lang=pt-BR", "Googlebot/2.1 (+http://www.google.com/bot.html)");
    f.get("/embed/c/teste?lang=pt-BR");
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 1);
    CHECK(events[0].event == metrics::event_kind::widget_impression);
    CHECK(events[0].from.kind == metrics::source_kind::partner);
    CHECK(events[0].from.partner == "casa");
    CHECK(events[0].language == "pt-BR");
}

TEST_CASE("embed: in beacon mode the card carries the impression beacon, and /b counts it", "[embed][reach]") {
    embed_fixture f(false);
    auto const body = body_of(f.get("/embed/widget-default?partner=casa&lang=pt-BR"));
    CHECK(f.buffers.drain().empty());
    auto const at = body.find("/b?e=widget_impression&amp;c=");
    REQUIRE(at != std::string::npos);
    auto src = body.substr(at, body.find('"', at) - at);
    for (auto p = src.find("&amp;"); p != std::string::npos; p = src.find("&amp;")) src.replace(p, 5, "&");
    request_builder beacon(src);
    beacon.header(field::user_agent, phone).header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Dest", "image");
    auto const res = answer(f.dispatcher(), beacon);
    CHECK(header(res, "Farol-Reach") == "counted");
    CHECK(header(res, "Cache-Control") == "no-store");
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 1);
    CHECK(events[0].event == metrics::event_kind::widget_impression);
    CHECK(events[0].from.partner == "casa");
    request_builder stranger("/b?e=widget_impression&c=teste&l=pt-BR&p=fechada");
    CHECK(header(answer(f.dispatcher(), stranger), "Farol-Reach") == "unknown");
}

TEST_CASE("widget.js: small, cached for an hour, loadable from any site", "[embed]") {
    embed_fixture f;
    auto const res = f.get("/widget.js");
    REQUIRE(res.result() == status::ok);
    CHECK(header(res, "Cache-Control").find("max-age=3600") != std::string::npos);
    auto const gz = f.assets->find("js/widget.js")->rep.gzip;
    REQUIRE(gz);
    CHECK(gz->bytes.data.size() <= 3 * 1024); // the budget, compressed
    CHECK(body_of(res).find("document.cookie") == std::string::npos);
}

TEST_CASE("oEmbed: a campaign URL becomes a rich iframe, sized within maxwidth and maxheight", "[embed][oembed]") {
    embed_fixture f;
    auto const res = f.get("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2Fc%2Fteste%3Fsrc%3Dpartner%3Acasa"
                           "&format=json&maxwidth=300");
    REQUIRE(res.result() == status::ok);
    CHECK(header(res, "Content-Type").starts_with("application/json"));
    auto const o = boost::json::parse(body_of(res)).as_object();
    CHECK(o.at("version") == "1.0");
    CHECK(o.at("type") == "rich");
    CHECK(o.at("width") == 300);
    CHECK(o.at("height") == 320);
    CHECK(o.at("title") == "Título PT");
    CHECK(o.at("provider_url") == "https://farol.example.org/");
    CHECK(o.at("cache_age").is_int64());
    auto const html = std::string(o.at("html").as_string());
    CHECK(html.find("src=\"https://farol.example.org/embed/c/teste?lang=pt-BR&amp;partner=casa\"") != std::string::npos);
    CHECK(html.find("width=\"300\"") != std::string::npos);
}

TEST_CASE("oEmbed: unknown URLs are 404, other formats 501, bad sizes 400, all as problem+json", "[embed][oembed]") {
    embed_fixture f;
    auto const problem = [&](std::string const& target, status expected) {
        auto const res = f.get(target);
        CHECK(res.result() == expected);
        CHECK(header(res, "Content-Type") == "application/problem+json");
    };
    problem("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2Fc%2Fnada&format=json", status::not_found);
    problem("/oembed?url=https%3A%2F%2Fevil.example%2Fpt-BR%2Fc%2Fteste", status::not_found);
    problem("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2F", status::not_found); // a home without a partner
    problem("/oembed?url=not%20a%20url", status::not_found);
    problem("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2Fc%2Fteste&format=xml", status::not_implemented);
    problem("/oembed?format=json", status::bad_request);
    problem("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2Fc%2Fteste&maxwidth=0", status::bad_request);
    problem("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2Fc%2Fteste&maxheight=12px", status::bad_request);
    // A partner's home link embeds its default slot.
    auto const home = f.get("/oembed?url=https%3A%2F%2Ffarol.example.org%2Fes%2F%3Fsrc%3Dpartner%3Acasa");
    CHECK(home.result() == status::ok);
    CHECK(body_of(home).find("/embed/widget-default?partner=casa&amp;lang=es") != std::string::npos);
}

TEST_CASE("campaign pages announce their oEmbed endpoint", "[embed][oembed]") {
    embed_fixture f;
    auto const* page = f.site.current()->page("/pt-BR/c/teste");
    REQUIRE(page);
    std::string const html(page->identity.bytes.data);
    CHECK(html.find("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://farol.example.org/oembed?"
                    "url=https%3A%2F%2Ffarol.example.org%2Fpt-BR%2Fc%2Fteste&amp;format=json\"") != std::string::npos);
}
