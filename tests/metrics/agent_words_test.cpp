#include "metrics/agent_words.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace farol::metrics;

namespace {

// The rule as written: each word searched for in a lower-case copy.
agent_word_set search_each(std::string_view ua) {
    std::string lowered(ua);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    agent_word_set found;
    for (std::size_t i = 0; i < agent_words.size(); ++i) found[i] = lowered.find(agent_words[i]) != std::string::npos;
    return found;
}

} // namespace

TEST_CASE("agent words: one pass finds exactly the words a search for each would", "[reach][metrics]") {
    std::vector<std::string> agents = {
        "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
        "Opera/9.80 (J2ME/MIDP; OPERA MINI/4.2.14912/870; U; id) Presto/2.4.15",
        "WhatsApp/2.23.20.0 A", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "TelegramBot (like TwitterBot)", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "",
        "KAIOS/2.5 Nokia 8110 4G", "BlackBerry9700/5.0.0.351 Profile/MIDP-2.1", "Snap URL Preview Service",
        std::string("Mozilla/5.0 (\xff\xfe\x80 Mobi") + std::string(1, '\0') + " iPhone)", // not UTF-8, a NUL
        std::string(3000, 'x') + " Android ... Mobile Safari " + std::string(3000, 'y'),  // past any stack copy
    };
    for (auto const& ua : agents) {
        INFO(ua.substr(0, 80));
        CHECK(find_agent_words(ua) == search_each(ua));
    }
    CHECK(find_agent_words("An IPAD and a Kindle").test(word("ipad")));
    CHECK(find_agent_words("An IPAD and a Kindle").test(word("kindle")));
    CHECK(find_agent_words("ipa d").none());
    CHECK(find_agent_words("pinterestXcom/bot").none()); // words are literals: '.' is a dot
    CHECK(find_agent_words("Pinterest.com/Bot").test(word("pinterest.com/bot")));
}
