#include "metrics/crawler_list.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

using farol::metrics::crawler_list;
using farol::test::temp_dir;
using Catch::Matchers::Contains;

namespace {

// Where scripts/bootstrap installs npm's crawler-user-agents (pinned in scripts/crawlers/package-lock.json).
std::filesystem::path const installed_list =
    FAROL_SOURCE_DIR "/scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json";

crawler_list const& real_list() {
    INFO("run scripts/bootstrap to install " << installed_list);
    REQUIRE(std::filesystem::exists(installed_list));
    static auto const list = crawler_list::load(installed_list);
    return list;
}

} // namespace

TEST_CASE("crawler list: the installed list compiles, almost every pattern kept", "[reach][metrics]") {
    auto const& list = real_list();
    INFO("patterns " << list.patterns() << ", skipped " << list.skipped());
    CHECK(list.patterns() > 1000);
    CHECK(list.skipped() * 100 < list.patterns()); // RE2 lacks look-arounds and back-references: few use them
}

TEST_CASE("crawler list: search and SEO crawlers and command-line clients match", "[reach][metrics]") {
    auto const& list = real_list();
    CHECK(list.matches("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
    CHECK(list.matches("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like "
                       "Gecko) Chrome/124.0.6367.201 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
                       "+http://www.google.com/bot.html)"));
    CHECK(list.matches("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"));
    CHECK(list.matches("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"));
    CHECK(list.matches("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)"));
    // The list anchors curl at the start ("^curl"): the command-line client, not any UA naming it.
    CHECK(list.matches("curl/7.88.1"));
    CHECK(list.matches("Wget/1.21.3"));
    CHECK(list.matches("python-requests/2.31.0"));
    // Link-preview fetchers are in the list too: the caller asks is_link_preview() first.
    CHECK(list.matches("WhatsApp/2.23.20.0 A"));
    CHECK(list.matches("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"));
    CHECK(list.matches("TelegramBot (like TwitterBot)"));
}

TEST_CASE("crawler list: real browsers and in-app browsers do not match", "[reach][metrics]") {
    auto const& list = real_list();
    CHECK_FALSE(list.matches("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/124.0.0.0 Mobile Safari/537.36"));
    CHECK_FALSE(list.matches("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 "
                             "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"));
    CHECK_FALSE(list.matches("Mozilla/5.0 (Linux; Android 13; SM-A135M) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36"));
    CHECK_FALSE(list.matches("Mozilla/5.0 (Linux; Android 13; SM-A135M Build/TP1A.220624.014; wv) "
                             "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile "
                             "Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.48.109;]"));
    CHECK_FALSE(list.matches("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"));
    CHECK_FALSE(list.matches("Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i; Android; rv:48.0) "
                             "Gecko/48.0 Firefox/48.0 KAIOS/2.5"));
    CHECK_FALSE(list.matches(""));
    CHECK(list.dfa_failures() == 0);
}

TEST_CASE("crawler list: patterns RE2 rejects are skipped and counted, the rest still match", "[reach][metrics]") {
    temp_dir dir;
    dir.write("list.json", R"([
        {"pattern": "Good(?!x)bot", "url": "https://example.org/lookahead"},
        {"pattern": "Examplebot\\/", "instances": ["Examplebot/1.0"]},
        {"pattern": "broken(", "instances": []},
        {"pattern": "^fetch-tool"}
    ])");
    auto const list = crawler_list::load(dir / "list.json");
    CHECK(list.patterns() == 2);
    CHECK(list.skipped() == 2);
    CHECK(list.matches("Mozilla/5.0 (compatible; Examplebot/1.0; +https://example.org)")); // unanchored
    CHECK(list.matches("fetch-tool/3"));
    CHECK_FALSE(list.matches("my fetch-tool/3")); // the pattern's own anchor holds
    CHECK_FALSE(list.matches("examplebot/1.0"));  // case-sensitive, as the list's validators match
    CHECK_FALSE(list.matches("Goodbot"));         // its pattern was skipped
}

TEST_CASE("crawler list: an empty user-agent is not a crawler, even for a pattern matching anything", "[reach][metrics]") {
    temp_dir dir;
    dir.write("list.json", R"([{"pattern": ".*"}])");
    auto const list = crawler_list::load(dir / "list.json");
    CHECK_FALSE(list.matches(""));
    CHECK(list.matches("x"));
}

TEST_CASE("crawler list: an empty list matches nothing", "[reach][metrics]") {
    temp_dir dir;
    dir.write("list.json", "[]");
    auto const list = crawler_list::load(dir / "list.json");
    CHECK(list.patterns() == 0);
    CHECK_FALSE(list.matches("Googlebot/2.1"));
}

TEST_CASE("crawler list: a missing, unreadable or invalid file throws naming the file and the reason", "[reach][metrics]") {
    temp_dir dir;
    auto const name = [&](std::string const& f) { return (dir / f).string(); };
    CHECK_THROWS_WITH(crawler_list::load(dir / "absent.json"),
                      Contains(name("absent.json")) && Contains("No such file or directory"));
    CHECK_THROWS_WITH(crawler_list::load(dir.path()), Contains(dir.path().string()) && Contains("not a regular file"));
    dir.write("broken.json", R"([{"pattern": "Googlebot")");
    CHECK_THROWS_WITH(crawler_list::load(dir / "broken.json"), Contains(name("broken.json")) && Contains("invalid JSON"));
    dir.write("empty.json", "");
    CHECK_THROWS_WITH(crawler_list::load(dir / "empty.json"), Contains(name("empty.json")) && Contains("invalid JSON"));
    dir.write("object.json", R"({"pattern": "Googlebot"})");
    CHECK_THROWS_WITH(crawler_list::load(dir / "object.json"), Contains(name("object.json")) && Contains("array"));
    dir.write("no_pattern.json", R"([{"pattern": "a"}, {"url": "https://example.org"}])");
    CHECK_THROWS_WITH(crawler_list::load(dir / "no_pattern.json"),
                      Contains(name("no_pattern.json")) && Contains("entry 1 has no string \"pattern\""));
    dir.write("number.json", R"([{"pattern": 7}])");
    CHECK_THROWS_WITH(crawler_list::load(dir / "number.json"), Contains("entry 0"));
}

TEST_CASE("crawler list: a moved list keeps its patterns", "[reach][metrics]") {
    temp_dir dir;
    dir.write("list.json", R"([{"pattern": "Examplebot"}])");
    auto list = crawler_list::load(dir / "list.json");
    crawler_list moved = std::move(list);
    CHECK(moved.matches("Examplebot"));
    CHECK(moved.patterns() == 1);
}

TEST_CASE("crawler list: a burst from one user-agent runs the set once, its verdict unchanged", "[reach][metrics]") {
    auto const& list = real_list();
    // User-agents no other test asks about: this thread's cache has not seen them yet.
    std::string const bot = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) burst";
    std::string const phone = "Mozilla/5.0 (Linux; Android 14; burst) Mobile Safari/537.36";
    auto const before = list.set_matches();
    for (int i = 0; i < 50; ++i) {
        CHECK(list.matches(bot));
        CHECK_FALSE(list.matches(phone));
    }
    CHECK(list.set_matches() - before == 2);
}

TEST_CASE("crawler list: the per-thread cache never changes a verdict", "[reach][metrics]") {
    auto const& list = real_list();
    // More distinct user-agents than the cache holds, crawlers and browsers interleaved, in rounds:
    // entries are replaced while others are hit, and every answer must be what the set says.
    std::vector<std::pair<std::string, bool>> agents;
    for (int i = 0; i < 12; ++i) {
        agents.emplace_back("Mozilla/5.0 (compatible; Googlebot/2." + std::to_string(i) + ")", true);
        agents.emplace_back("Mozilla/5.0 (Linux; Android 13; moto g" + std::to_string(i) + ") Mobile Safari/537.36", false);
    }
    for (int round = 0; round < 3; ++round)
        for (std::size_t n = 1; n <= agents.size(); n += 5) // working sets below, at and above the cache's size
            for (std::size_t i = 0; i < n; ++i) {
                INFO(agents[i].first);
                CHECK(list.matches(agents[i].first) == agents[i].second);
            }
    // A user-agent that only extends a cached one, or differs by case, is asked anew.
    std::string const browser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    CHECK_FALSE(list.matches(browser));
    CHECK(list.matches(browser + " (compatible; Googlebot/2.1)"));
    CHECK_FALSE(list.matches(browser));
    CHECK(list.matches("curl/7.88.1"));
    CHECK_FALSE(list.matches("Curl/7.88.1"));
    std::string const long_bot = "Googlebot/2.1 " + std::string(crawler_list::cache_max_length, 'x');
    CHECK(list.matches(long_bot));
    CHECK(list.matches(long_bot));
}

TEST_CASE("crawler list: one thread's cache never answers for another list", "[reach][metrics]") {
    temp_dir dir;
    dir.write("a.json", R"([{"pattern": "Examplebot"}])");
    dir.write("b.json", R"([{"pattern": "Otherbot"}])");
    auto const a = crawler_list::load(dir / "a.json");
    auto const b = crawler_list::load(dir / "b.json");
    for (int i = 0; i < 3; ++i) {
        CHECK(a.matches("Examplebot/1"));
        CHECK_FALSE(b.matches("Examplebot/1"));
        CHECK(b.matches("Otherbot/1"));
        CHECK_FALSE(a.matches("Otherbot/1"));
    }
}
