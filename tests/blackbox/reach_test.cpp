// Reach counting end to end: the real server, real requests, then the rollups a clean stop wrote.
#include "app/config.hpp"
#include "app/reach_services.hpp"
#include "store/database.hpp"
#include "store/reach_store.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <regex>
#include <thread>
#include <vector>

using namespace farol;
using namespace farol::test;
using namespace std::chrono_literals;

namespace {

constexpr char const* slug = "reconhecer-o-trafico";
constexpr char const* day = "2026-11-23"; // test_epoch() is 09:00 that day in São Paulo
constexpr char const* phone_ua = "User-Agent: Mozilla/5.0 (Linux; Android 13; moto g) Mobile Safari/537.36\r\n";
constexpr char const* desktop_ua = "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0\r\n";

// The counts a stopped server left in its database.
struct rollups {
    explicit rollups(std::filesystem::path const& data_dir, util::clock const& clock)
        : db(store::database::open(database_file(data_dir), clock)), reach(db, 0) {}
    static std::filesystem::path database_file(std::filesystem::path const& data_dir) {
        app::config c;
        c.data_dir = data_dir;
        return app::database_file(c);
    }
    std::uint64_t count(std::string campaign, std::string lang, std::string event, std::string source,
                        std::string device) const {
        return reach.count({day, std::move(campaign), std::move(lang), std::move(event), std::move(source),
                            std::move(device), 0});
    }
    std::shared_ptr<store::database> db;
    store::reach_store reach;
};

std::string material_of(std::string const& page) {
    std::smatch m;
    REQUIRE(std::regex_search(page, m, std::regex(R"re(href="(/m/[^"]+)")re")));
    return m[1];
}

} // namespace

TEST_CASE("reach at the origin: views, downloads, shares and previews, each once", "[blackbox][reach]") {
    util::fixed_clock const clock(test_epoch());
    {
        test_server s({}, sample_campaigns());
        auto const page = std::string("/pt-BR/c/") + slug;
        auto const first = get(s.port(), page, phone_ua);
        REQUIRE(first.status == 200);
        CHECK(first.body.find("class=\"beacon\"") == std::string::npos); // no beacon: views count here
        CHECK(get(s.port(), page + "?src=qr", desktop_ua).status == 200);
        CHECK(get(s.port(), page, std::string(phone_ua) + "Sec-Purpose: prefetch\r\n").status == 200);
        CHECK(get(s.port(), page, "User-Agent: Mozilla/5.0 (compatible; Googlebot/2.1)\r\n").status == 200);
        CHECK(get(s.port(), page, "User-Agent: WhatsApp/2.23.20.0 A\r\n").status == 200);
        CHECK(request(s.port(), "HEAD " + page + " HTTP/1.1\r\nHost: t\r\n" + phone_ua + "Connection: close\r\n\r\n",
                      true).status == 200);
        auto const file = material_of(first.body);
        CHECK(get(s.port(), file, phone_ua).status == 200);
        CHECK(get(s.port(), file, std::string(phone_ua) + "Range: bytes=100-\r\n").status == 206);
        CHECK(get(s.port(), std::string("/pt-BR/c/") + slug + "/share/whatsapp", phone_ua).status == 303);
        CHECK(get(s.port(), "/pt-BR/search?q=trabalho", phone_ua).status == 200);
        auto const beacon = get(s.port(), std::string("/b?e=view&c=") + slug + "&l=pt-BR", phone_ua);
        CHECK(beacon.status == 204);
        CHECK(beacon.header("farol-reach") == "not-here"); // pages count themselves: no double count
        CHECK(beacon.header("cache-control") == "no-store");
        s.get().stop();
        s.get().wait(); // a clean stop writes the last counts
        rollups const r(s.data_dir().path(), clock);
        CHECK(r.count(slug, "pt-BR", "view", "direct", "phone") == 1);
        CHECK(r.count(slug, "pt-BR", "view", "qr", "desktop") == 1);
        CHECK(r.count(slug, "pt-BR", "preview", "direct", "desktop") == 1);
        CHECK(r.count(slug, "pt-BR", "download", "direct", "phone") == 1);
        CHECK(r.count(slug, "pt-BR", "share", "direct", "phone") == 1);
        CHECK(r.count("", "pt-BR", "view", "direct", "phone") == 1); // the search page
        // One phone and one desktop read the campaign (a preview is nobody); the phone also searched.
        CHECK(r.reach.readers(day, slug, "pt-BR") == 2);
        CHECK(r.reach.readers(day, "", "pt-BR") == 1);
    }
}

TEST_CASE("reach on a clean stop: every event recorded before the stop is written, workers included",
          "[blackbox][reach]") {
    util::fixed_clock const clock(test_epoch());
    test_server s(
        [](app::config& c) {
            c.workers = 1;                        // searches queue up on one worker (they record there)
            c.limits.shutdown_timeout = 1ms;      // the io threads end while the worker is still busy
        },
        sample_campaigns());
    std::vector<std::unique_ptr<raw_client>> readers;
    // More searches than the worker gets through in the shutdown's drain, all sent at once.
    for (unsigned n = 0; n < 300; ++n)
        readers.push_back(std::make_unique<raw_client>(s.port(), 0, (127u << 24) | (2 + n % 250)));
    for (auto& r : readers)
        r->send(std::string("GET /pt-BR/search?q=trabalho HTTP/1.1\r\nHost: t\r\n") + phone_ua + "\r\n");
    auto const& recorder = s.get().reach().recorder;
    for (int tries = 0; tries < 500 && recorder.verdicts(metrics::reach_verdict::counted) == 0; ++tries)
        std::this_thread::sleep_for(1ms);
    s.get().stop();
    s.get().wait();
    auto const recorded = recorder.verdicts(metrics::reach_verdict::counted);
    rollups const r(s.data_dir().path(), clock);
    CHECK(recorded > 0);
    CHECK(r.count("", "pt-BR", "view", "direct", "phone") == recorded);
}

TEST_CASE("reach behind a cache: pages carry /b, and only /b counts their views", "[blackbox][reach]") {
    util::fixed_clock const clock(test_epoch());
    {
        test_server s([](app::config& c) { c.count_at = "beacon"; }, sample_campaigns());
        auto const page = std::string("/pt-BR/c/") + slug;
        auto const served = get(s.port(), page, phone_ua);
        REQUIRE(served.status == 200);
        auto const img = std::string("<img class=\"beacon\" src=\"/b?e=view&amp;c=") + slug + "&amp;l=pt-BR\"";
        CHECK(served.body.find(img) != std::string::npos);
        CHECK(get(s.port(), "/pt-BR/", phone_ua).body.find("src=\"/b?e=view&amp;l=pt-BR\"") != std::string::npos);

        auto const beacon = std::string("/b?e=view&c=") + slug + "&l=pt-BR";
        auto const own_page = "Referer: http://127.0.0.1:" + std::to_string(s.port()) + page + "?src=qr\r\n";
        auto const image = get(s.port(), beacon,
                               std::string(phone_ua) + own_page + "Sec-Fetch-Site: same-origin\r\nSec-Fetch-Dest: image\r\n");
        CHECK(image.status == 200);
        CHECK(image.header("content-type") == "image/gif");
        CHECK(image.body.size() == 43);
        CHECK(image.header("cache-control") == "no-store");
        CHECK(image.header("farol-reach") == "counted");
        CHECK(!image.has("set-cookie"));

        auto const verdict = [&](std::string const& target, std::string const& headers) {
            auto const r = get(s.port(), target, headers);
            CHECK(r.status == 204); // a refused beacon still answers, so the page never breaks
            CHECK(r.header("cache-control") == "no-store");
            return r.header("farol-reach");
        };
        CHECK(verdict(beacon, std::string(phone_ua) + "Sec-Fetch-Site: cross-site\r\n") == "cross-site");
        CHECK(verdict("/b?e=view&c=no-such-campaign&l=pt-BR", phone_ua) == "unknown");
        CHECK(verdict("/b?e=view&c=" + std::string(slug) + "&l=xx", phone_ua) == "unknown");
        CHECK(verdict("/b?e=download&c=" + std::string(slug) + "&l=pt-BR", phone_ua) == "unknown");
        CHECK(verdict("/b", phone_ua) == "unknown");
        CHECK(verdict(beacon, "User-Agent: Mozilla/5.0 (compatible; bingbot/2.0)\r\n") == "crawler");
        CHECK(verdict("/b?e=view&l=pt-BR", desktop_ua) == "counted");
        s.get().stop();
        s.get().wait();
        rollups const r(s.data_dir().path(), clock);
        CHECK(r.count(slug, "pt-BR", "view", "qr", "phone") == 1); // the page's ?src= came through its Referer
        CHECK(r.count(slug, "pt-BR", "view", "direct", "phone") == 0);
        CHECK(r.count("", "pt-BR", "view", "direct", "desktop") == 1);
    }
}

TEST_CASE("reach dashboard: real traffic shows as real figures, small groups as <10", "[blackbox][reach]") {
    test_server s(
        [](app::config& c) {
            c.development_cookie = 1;
            c.flush_interval = std::chrono::milliseconds(100);
        },
        sample_campaigns());
    auto const page = std::string("/pt-BR/c/") + slug;
    // Twelve phones read the campaign in Portuguese, three of them twice; three read it in Spanish.
    // One /24 network, as behind a carrier's NAT: the phones differ by their user-agents.
    auto const phone = [](unsigned n) {
        return "User-Agent: Mozilla/5.0 (Linux; Android 13; moto g" + std::to_string(n) + ") Mobile Safari/537.36\r\n";
    };
    for (unsigned host = 2; host < 14; ++host) REQUIRE(get_from(host, s.port(), page, phone(host)).status == 200);
    for (unsigned host = 2; host < 5; ++host) REQUIRE(get_from(host, s.port(), page, phone(host)).status == 200);
    for (unsigned host = 20; host < 23; ++host)
        REQUIRE(get_from(host, s.port(), std::string("/es/c/") + slug, phone(host)).status == 200);

    auto const cookie = "Cookie: " + signed_in_cookie(s, "lia", http::role::analyst) + "\r\n";
    auto const target = std::string("/editor/reach?from=") + day + "&to=" + day + "&by=campaign,language";
    std::string html;
    for (int tries = 0; tries < 100; ++tries) { // the flusher writes every 100 ms
        auto const r = get(s.port(), target, cookie);
        REQUIRE(r.status == 200);
        html = r.body;
        if (html.find("<td class=\"num\">15</td>") != std::string::npos) break;
        std::this_thread::sleep_for(50ms);
    }
    INFO(html);
    // pt-BR: 15 views by 12 readers; es: 3 views by 3 readers, hidden.
    CHECK(html.find(std::string("<tr class=\"cell\"><td>") + slug + "</td><td>pt-BR</td><td class=\"num\">15</td>"
                    "<td class=\"num\">12</td></tr>") != std::string::npos);
    CHECK(html.find(std::string("<tr class=\"cell\"><td>") + slug + "</td><td>es</td><td class=\"num\">&lt;10</td>"
                    "<td class=\"num\">&lt;10</td></tr>") != std::string::npos);
    auto const csv = get(s.port(), std::string("/editor/reach.csv?from=") + day + "&to=" + day + "&by=language", cookie);
    REQUIRE(csv.status == 200);
    CHECK(csv.body.find("cell,pt-BR,15,12\r\n") != std::string::npos);
    CHECK(csv.body.find("cell,es,<10,<10\r\n") != std::string::npos);
}
