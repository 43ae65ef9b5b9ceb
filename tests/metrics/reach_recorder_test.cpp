#include "metrics/reach_recorder.hpp"

#include "metrics/crawler_list.hpp"
#include "metrics/event_buffers.hpp"
#include "metrics/reader_traits.hpp"
#include "metrics/visitor_hash.hpp"
#include "schedule/schedule_fixtures.hpp"
#include "support/request_builder.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/ip/address.hpp>

#include <functional>
#include <string>
#include <vector>

using namespace farol;
using farol::metrics::event_kind;
using farol::metrics::reach_verdict;
using farol::metrics::source_kind;
using farol::schedule::testing::must_zone;
using farol::schedule::testing::utc;
using farol::test::request_builder;

namespace {

constexpr char const* phone = "Mozilla/5.0 (Linux; Android 14; SM-A146B) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
constexpr char const* desktop = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

metrics::crawler_list const& crawlers() {
    static auto const list = metrics::crawler_list::load(
        FAROL_SOURCE_DIR "/scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json");
    return list;
}

// A recorder over real parts: the maintained crawler list, a hasher on a fixed São Paulo clock.
struct recorder_fixture {
    explicit recorder_fixture(bool at_origin = true)
        : recorder(buffers, hasher, crawlers(),
                   {at_origin, "farol.example.org", [](std::string_view id) { return id == "casa-do-migrante"; }}) {}

    util::fixed_clock clock{utc(2026, 7, 31, 2, 30)}; // 23:30 on the 30th in São Paulo
    metrics::visitor_hasher hasher{clock, must_zone("America/Sao_Paulo")};
    metrics::event_buffers buffers;
    metrics::reach_recorder recorder;
};

request_builder reader(std::string_view target, std::string_view ua = phone, http::verb method = http::verb::get) {
    request_builder r(target, method);
    r.header(http::field::user_agent, ua);
    auto& ctx = r.context();
    ctx.client = boost::asio::ip::make_address("198.51.100.23");
    ctx.method = method;  // what the dispatcher does before routing
    REQUIRE(!http::parse_target(target, ctx));
    return r;
}

} // namespace

TEST_CASE("reach recorder: a reader's page view keeps only the report's dimensions", "[reach][metrics]") {
    recorder_fixture f;
    auto r = reader("/pt-BR/c/teste");
    r.header(http::field::referer, "https://www.google.com.br/search?q=tr%C3%A1fico+de+pessoas");
    CHECK(f.recorder.page_view(r.context(), "teste", "pt-BR", true) == reach_verdict::counted);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 1);
    auto const& e = events[0];
    CHECK(e.day == std::chrono::year(2026) / 7 / 30); // the local date in the site zone, not UTC's 31st
    CHECK(e.campaign == "teste");
    CHECK(e.language == "pt-BR");
    CHECK(e.event == event_kind::view);
    CHECK(e.from.kind == source_kind::search);
    CHECK(e.device == metrics::device_class::phone);
    REQUIRE(e.visitor);
    // The same reader's next page hashes alike; another network does not.
    auto again = reader("/pt-BR/");
    f.recorder.page_view(again.context(), "", "pt-BR", true);
    auto other = reader("/pt-BR/");
    other.context().client = boost::asio::ip::make_address("203.0.113.9");
    f.recorder.page_view(other.context(), "", "pt-BR", true);
    auto const next = f.buffers.drain();
    REQUIRE(next.size() == 2);
    CHECK(next[0].visitor == e.visitor);
    CHECK(next[1].visitor != e.visitor);
    CHECK(next[0].from.kind == source_kind::direct);
}

TEST_CASE("reach recorder: src names qr, a partner or nothing", "[reach][metrics]") {
    recorder_fixture f;
    auto qr = reader("/pt-BR/c/teste?src=qr", desktop);
    f.recorder.page_view(qr.context(), "teste", "pt-BR", true);
    auto partner = reader("/pt-BR/c/teste?src=Casa-do-Migrante");
    f.recorder.page_view(partner.context(), "teste", "pt-BR", true);
    auto stranger = reader("/pt-BR/c/teste?src=somebody-else");
    f.recorder.page_view(stranger.context(), "teste", "pt-BR", true);
    auto widget = reader("/pt-BR/c/teste?src=partner:casa-do-migrante");
    f.recorder.page_view(widget.context(), "teste", "pt-BR", true);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 6);
    CHECK(events[0].from.kind == source_kind::qr);
    CHECK(events[0].device == metrics::device_class::desktop);
    // A view that came through a partner's link is also that partner's widget click.
    CHECK(events[1].event == event_kind::widget_click);
    CHECK(events[1].from.partner == "casa-do-migrante");
    CHECK(events[2].event == event_kind::view);
    CHECK(events[2].from.kind == source_kind::partner);
    CHECK(events[2].from.partner == "casa-do-migrante");
    CHECK(events[1].visitor == events[2].visitor);
    CHECK(events[3].from.kind == source_kind::direct); // an unknown id is ignored, not stored
    CHECK(events[3].event == event_kind::view);
    CHECK(events[4].event == event_kind::widget_click); // the widget's own spelling, partner:<id>
    CHECK(events[5].event == event_kind::view);
    CHECK(events[5].from.partner == "casa-do-migrante");
}

TEST_CASE("reach recorder: HEAD, prefetches and crawlers are not views, link previews are previews",
          "[reach][metrics]") {
    recorder_fixture f;
    auto head = reader("/pt-BR/", phone, http::verb::head);
    CHECK(f.recorder.page_view(head.context(), "", "pt-BR", true) == reach_verdict::head);
    for (auto const& [name, value] : {std::pair{"Sec-Purpose", "prefetch"}, std::pair{"Purpose", "prefetch"},
                                      std::pair{"Sec-Purpose", "prefetch;prerender"}, std::pair{"X-Moz", "prefetch"}}) {
        auto prefetch = reader("/pt-BR/");
        prefetch.header(name, value);
        CHECK(f.recorder.page_view(prefetch.context(), "", "pt-BR", true) == reach_verdict::prefetch);
    }
    auto bot = reader("/pt-BR/", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    CHECK(f.recorder.page_view(bot.context(), "", "pt-BR", true) == reach_verdict::crawler);
    CHECK(f.buffers.drain().empty());

    // WhatsApp is on the crawler list too: the preview check comes first.
    auto whatsapp = reader("/pt-BR/c/teste", "WhatsApp/2.23.20.0 A");
    CHECK(f.recorder.page_view(whatsapp.context(), "teste", "pt-BR", true) == reach_verdict::preview);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 1);
    CHECK(events[0].event == event_kind::preview);
    CHECK(!events[0].visitor); // a preview is nobody reading: no reader is counted
    CHECK(events[0].day == std::chrono::year(2026) / 7 / 30);
    CHECK(f.recorder.verdicts(reach_verdict::prefetch) == 4);
    CHECK(f.recorder.verdicts(reach_verdict::crawler) == 1);
    CHECK(f.recorder.verdicts(reach_verdict::preview) == 1);
}

TEST_CASE("reach recorder: a download counts once, whatever ranges resume it", "[reach][metrics]") {
    recorder_fixture f;
    auto whole = reader("/m/abc/folheto.pdf");
    CHECK(f.recorder.download(whole.context(), "teste", "pt-BR") == reach_verdict::counted);
    auto first = reader("/m/abc/folheto.pdf");
    first.header(http::field::range, "bytes=0-65535");
    CHECK(f.recorder.download(first.context(), "teste", "pt-BR") == reach_verdict::counted);
    for (auto const* rest : {"bytes=65536-", "bytes=-500", "bytes=100-200, 0-10"}) {
        auto resumed = reader("/m/abc/folheto.pdf");
        resumed.header(http::field::range, rest);
        CHECK(f.recorder.download(resumed.context(), "teste", "pt-BR") == reach_verdict::not_here);
    }
    auto head = reader("/m/abc/folheto.pdf", phone, http::verb::head);
    CHECK(f.recorder.download(head.context(), "teste", "pt-BR") == reach_verdict::head);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 1); // one reader's two downloads: one event counted twice
    CHECK(events[0].event == event_kind::download);
    CHECK(events[0].count == 2);
}

TEST_CASE("reach recorder: a file opened from an editor's page is an editor's, not a reader's download",
          "[reach][metrics]") {
    recorder_fixture f;
    auto preview = reader("/m/abc/folheto.pdf", desktop);
    preview.header(http::field::referer, "https://farol.example.org/editor/campaigns/teste/t/pt-BR/preview");
    CHECK(f.recorder.download(preview.context(), "teste", "pt-BR") == reach_verdict::editor);
    auto page = reader("/pt-BR/c/teste", desktop);
    page.header(http::field::referer, "https://farol.example.org/editor/preview/at/1785412800/pt-BR/");
    CHECK(f.recorder.page_view(page.context(), "teste", "pt-BR", true) == reach_verdict::editor);
    CHECK(f.buffers.drain().empty());
    CHECK(f.recorder.verdicts(reach_verdict::editor) == 2);
    auto from_site = reader("/m/abc/folheto.pdf", desktop);
    from_site.header(http::field::referer, "https://farol.example.org/pt-BR/c/teste");
    CHECK(f.recorder.download(from_site.context(), "teste", "pt-BR") == reach_verdict::counted);
    CHECK(metrics::to_string(reach_verdict::editor) == "editor");
}

TEST_CASE("reach recorder: in beacon mode cacheable pages are left to /b, search pages are not", "[reach][metrics]") {
    recorder_fixture f(false);
    auto page = reader("/pt-BR/c/teste");
    CHECK(f.recorder.page_view(page.context(), "teste", "pt-BR", true) == reach_verdict::not_here);
    CHECK(f.buffers.drain().empty());
    auto search = reader("/pt-BR/search?q=trabalho");
    CHECK(f.recorder.page_view(search.context(), "", "pt-BR", false) == reach_verdict::counted);
    auto beacon = reader("/b?e=view&c=teste&l=pt-BR");
    CHECK(f.recorder.record(beacon.context(), event_kind::view, "teste", "pt-BR", "qr") == reach_verdict::counted);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 2);
    CHECK(events[1].from.kind == source_kind::qr);
}

TEST_CASE("reach recorder: a user-agent read once per thread gives the verdicts and devices of one read afresh",
          "[reach][metrics]") {
    // Twelve user-agents cycled through an 8-entry cache, so hits, misses and evictions all happen;
    // each answer must equal the rules applied to that user-agent alone.
    std::vector<std::string> agents = {phone, desktop, "WhatsApp/2.23.20.0 A",
                                       "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                                       "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15"};
    for (int i = 0; i < 7; ++i) agents.push_back(std::string(desktop) + " variant/" + std::to_string(i));
    agents.push_back(std::string(600, 'a') + " Mobile"); // too long to be remembered
    recorder_fixture f;
    for (int round = 0; round < 3; ++round)
        for (auto const& ua : agents)
            for (std::string_view mobile : {"", "?1"}) {
                auto r = reader("/pt-BR/", ua);
                if (!mobile.empty()) r.header("Sec-CH-UA-Mobile", std::string(mobile));
                auto const verdict = f.recorder.page_view(r.context(), "", "pt-BR", true);
                bool const preview = metrics::is_link_preview(ua);
                auto const expected = preview ? reach_verdict::preview
                                      : crawlers().matches(ua) ? reach_verdict::crawler
                                                               : reach_verdict::counted;
                CHECK(verdict == expected);
                auto const events = f.buffers.drain();
                if (expected == reach_verdict::crawler) {
                    CHECK(events.empty());
                    continue;
                }
                REQUIRE(events.size() == 1);
                CHECK(events[0].device == metrics::classify_device(ua, mobile));
            }
    // A second recorder (another crawler list could stand behind it) never takes the first's answers.
    recorder_fixture g;
    auto r = reader("/pt-BR/", "WhatsApp/2.23.20.0 A");
    CHECK(g.recorder.page_view(r.context(), "", "pt-BR", true) == reach_verdict::preview);
}

TEST_CASE("reach recorder: the same request again is counted on its event, a changed one in its own cell",
          "[reach][metrics]") {
    recorder_fixture f;
    for (int i = 0; i < 5; ++i) {
        auto r = reader("/pt-BR/c/teste");
        CHECK(f.recorder.page_view(r.context(), "teste", "pt-BR", true) == reach_verdict::counted);
    }
    auto events = f.buffers.drain();
    REQUIRE(events.size() == 1);
    CHECK(events[0].count == 5);
    // Every input that decides the event, changed once: each change is its own event or reader.
    auto other_network = reader("/pt-BR/c/teste");
    other_network.context().client = boost::asio::ip::make_address("203.0.113.9");
    auto other_agent = reader("/pt-BR/c/teste", desktop);
    auto from_search = reader("/pt-BR/c/teste");
    from_search.header(http::field::referer, "https://www.google.com/");
    auto mobile_hint = reader("/pt-BR/c/teste", desktop);
    mobile_hint.header("Sec-CH-UA-Mobile", "?1");
    auto by_qr = reader("/pt-BR/c/teste?src=qr");
    auto spanish = reader("/es/c/teste");
    for (auto* r : {&other_network, &other_agent, &from_search, &mobile_hint}) {
        f.recorder.page_view(r->context(), "teste", "pt-BR", true);
        f.recorder.page_view(r->context(), "teste", "pt-BR", true); // each twice in a row
    }
    f.recorder.page_view(by_qr.context(), "teste", "pt-BR", true);
    f.recorder.page_view(spanish.context(), "teste", "es", true);
    auto same = reader("/pt-BR/c/teste");
    f.recorder.download(same.context(), "teste", "pt-BR"); // the same reader, another event
    events = f.buffers.drain();
    REQUIRE(events.size() == 7);
    CHECK(events[0].visitor != events[1].visitor); // another network, another reader
    CHECK(events[1].device == metrics::device_class::desktop);
    CHECK(events[2].from.kind == source_kind::search);
    CHECK(events[3].device == metrics::device_class::phone); // the hint, not the desktop user-agent
    for (std::size_t i = 0; i < 4; ++i) CHECK(events[i].count == 2);
    CHECK(events[4].from.kind == source_kind::qr);
    CHECK(events[5].language == "es");
    CHECK(events[6].event == event_kind::download);
    CHECK(f.recorder.verdicts(reach_verdict::counted) == 5 + 8 + 3);
}

TEST_CASE("reach recorder: a repeated request after a drain, a midnight or a prefetch is judged afresh",
          "[reach][metrics]") {
    recorder_fixture f;
    auto r = reader("/pt-BR/c/teste?src=partner:casa-do-migrante");
    f.recorder.page_view(r.context(), "teste", "pt-BR", true);
    f.recorder.page_view(r.context(), "teste", "pt-BR", true);
    auto events = f.buffers.drain();
    REQUIRE(events.size() == 2); // the partner's widget click and the view, twice each
    CHECK(events[0].event == event_kind::widget_click);
    CHECK(events[0].count == 2);
    CHECK(events[1].count == 2);
    // The flusher took them: the same request again starts new events.
    f.recorder.page_view(r.context(), "teste", "pt-BR", true);
    events = f.buffers.drain();
    REQUIRE(events.size() == 2);
    CHECK(events[1].count == 1);
    // Local midnight passes: the repeat belongs to the new day, under a new salt.
    auto plain = reader("/pt-BR/c/teste");
    f.recorder.page_view(plain.context(), "teste", "pt-BR", true);
    f.clock.set(utc(2026, 7, 31, 3)); // 00:00 on the 31st in São Paulo
    f.recorder.page_view(plain.context(), "teste", "pt-BR", true);
    events = f.buffers.drain();
    REQUIRE(events.size() == 2);
    CHECK(events[0].day == std::chrono::year(2026) / 7 / 30);
    CHECK(events[1].day == std::chrono::year(2026) / 7 / 31);
    CHECK(events[0].visitor != events[1].visitor);
    // A prefetch of the page just counted is still a prefetch; a HEAD is still a HEAD.
    f.recorder.page_view(plain.context(), "teste", "pt-BR", true);
    auto prefetch = reader("/pt-BR/c/teste");
    prefetch.header("Sec-Purpose", "prefetch");
    CHECK(f.recorder.page_view(prefetch.context(), "teste", "pt-BR", true) == reach_verdict::prefetch);
    auto head = reader("/pt-BR/c/teste", phone, http::verb::head);
    CHECK(f.recorder.page_view(head.context(), "teste", "pt-BR", true) == reach_verdict::head);
    CHECK(f.buffers.drain().at(0).count == 1);
}

TEST_CASE("reach recorder: a link preview repeated is counted as previews, never as views", "[reach][metrics]") {
    recorder_fixture f;
    auto whatsapp = reader("/pt-BR/c/teste", "WhatsApp/2.23.20.0 A");
    for (int i = 0; i < 3; ++i)
        CHECK(f.recorder.page_view(whatsapp.context(), "teste", "pt-BR", true) == reach_verdict::preview);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 1);
    CHECK(events[0].event == event_kind::preview);
    CHECK(events[0].count == 3);
    CHECK(!events[0].visitor);
    CHECK(f.recorder.verdicts(reach_verdict::preview) == 3);
}

TEST_CASE("reach recorder: a request that differs from the one before in any one input is no repeat",
          "[reach][metrics]") {
    recorder_fixture f;
    auto base = [] { return reader("/pt-BR/c/teste"); };
    struct variant {
        char const* what;
        std::function<request_builder()> make; // the base request with one input changed
        std::function<void(metrics::reach_event const&)> check;
    };
    static std::string const other_phone = std::string(phone) + " v2";
    std::vector<variant> const variants = {
        {"user-agent", [] { return reader("/pt-BR/c/teste", other_phone); },
         [](auto const& e) { CHECK(e.device == metrics::device_class::phone); }},
        {"referer",
         [&] {
             auto r = base();
             r.header(http::field::referer, "https://www.bing.com/");
             return r;
         },
         [](auto const& e) { CHECK(e.from.kind == source_kind::search); }},
        {"sec-ch-ua-mobile",
         [&] {
             auto r = base();
             r.header("Sec-CH-UA-Mobile", "?0");
             return r;
         },
         nullptr},
        {"src", [] { return reader("/pt-BR/c/teste?src=qr"); },
         [](auto const& e) { CHECK(e.from.kind == source_kind::qr); }},
        {"network",
         [&] {
             auto r = base();
             r.context().client = boost::asio::ip::make_address("198.51.101.23");
             return r;
         },
         nullptr},
    };
    for (auto const& v : variants) {
        INFO(v.what);
        auto first = base(), again = base(), changed = v.make();
        auto const repeats = f.buffers.repeats();
        f.recorder.page_view(first.context(), "teste", "pt-BR", true);
        f.recorder.page_view(again.context(), "teste", "pt-BR", true);
        CHECK(f.buffers.repeats() == repeats + 1); // the second was counted as a repeat
        f.recorder.page_view(changed.context(), "teste", "pt-BR", true);
        CHECK(f.buffers.repeats() == repeats + 1); // the changed one was not
        auto const events = f.buffers.drain();
        if (std::string_view(v.what) == "sec-ch-ua-mobile") { // ?0 decides nothing: the same event
            REQUIRE(events.size() == 1);
            CHECK(events[0].count == 3);
            continue;
        }
        REQUIRE(events.size() == 2);
        CHECK(events[0].count == 2);
        CHECK(events[1].count == 1);
        if (v.check) v.check(events[1]);
        if (std::string_view(v.what) == "network" || std::string_view(v.what) == "user-agent")
            CHECK(events[1].visitor != events[0].visitor);
    }
    // The campaign, the language and the event, each changed alone.
    auto a = base(), b = base(), c = base(), d = base(), e = base();
    f.recorder.page_view(a.context(), "teste", "pt-BR", true);
    f.recorder.page_view(b.context(), "teste", "pt-BR", true);
    f.recorder.page_view(c.context(), "outra", "pt-BR", true);
    f.recorder.page_view(d.context(), "outra", "es", true);
    f.recorder.download(e.context(), "outra", "es");
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 4);
    CHECK(events[0].count == 2);
    CHECK(events[1].campaign == "outra");
    CHECK(events[2].language == "es");
    CHECK(events[3].event == event_kind::download);
    // A Referer that turns into an editor's page: not a reader at all.
    auto g = base(), h = base(), editor = base();
    editor.header(http::field::referer, "https://farol.example.org/editor/campaigns/teste");
    f.recorder.page_view(g.context(), "teste", "pt-BR", true);
    f.recorder.page_view(h.context(), "teste", "pt-BR", true);
    CHECK(f.recorder.page_view(editor.context(), "teste", "pt-BR", true) == reach_verdict::editor);
    CHECK(f.buffers.drain().at(0).count == 2);
}

TEST_CASE("reach recorder: a request is dated by its arrival, repeated or not, across midnight", "[reach][metrics]") {
    recorder_fixture f;
    f.clock.set(utc(2026, 7, 31, 3, 0, 1)); // 00:00:01 on the 31st in São Paulo: handled after midnight
    auto late = reader("/pt-BR/c/teste");
    late.context().received_at = utc(2026, 7, 31, 2, 59, 59); // arrived at 23:59:59 on the 30th
    f.recorder.page_view(late.context(), "teste", "pt-BR", true);
    f.recorder.page_view(late.context(), "teste", "pt-BR", true);
    auto after = reader("/pt-BR/c/teste");
    after.context().received_at = f.clock.now();
    f.recorder.page_view(after.context(), "teste", "pt-BR", true);
    auto const events = f.buffers.drain();
    REQUIRE(events.size() == 2);
    CHECK(events[0].day == std::chrono::year(2026) / 7 / 30);
    CHECK(events[0].count == 2);
    CHECK(events[1].day == std::chrono::year(2026) / 7 / 31);
}
