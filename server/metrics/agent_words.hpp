#pragma once
#include <array>
#include <bitset>
#include <cstddef>
#include <string_view>

namespace farol::metrics {

// The words the user-agent rules of reader_traits look for (device classes, then link previews),
// lower case; found case-insensitively anywhere in the user-agent.
inline constexpr std::array<std::string_view, 31> agent_words = {
    "ipad", "iphone", "ipod", "opera mini", "opera mobi", "kaios", "windows phone", "blackberry", "bb10",
    "kindle", "silk/", "playbook", "tablet", "mobi", "android",
    // link previews
    "whatsapp", "facebookexternalhit", "facebot", "telegrambot", "twitterbot", "slackbot-linkexpanding",
    "slack-imgproxy", "discordbot", "linkedinbot", "skypeuripreview", "viber", "line-poker", "pinterest.com/bot",
    "snap url preview", "mastodon/", "redditbot"};

// Which of agent_words a user-agent contains: bit i for agent_words[i].
using agent_word_set = std::bitset<agent_words.size()>;

// A word's bit, checked when compiled: a word missing from agent_words does not build.
consteval std::size_t word(std::string_view w) {
    for (std::size_t i = 0; i < agent_words.size(); ++i)
        if (agent_words[i] == w) return i;
    throw "not one of agent_words";
}

// The link-preview words start at "whatsapp"; the device words come before it.
inline constexpr std::size_t first_preview_word = word("whatsapp");

// Finds every word in one pass (one RE2 set of case-insensitive literals, Latin-1 so any bytes
// are read as they are; compiled once), rather than one search per word. Should RE2 fail (its DFA
// out of memory), each word is searched for in turn: the same answer, slower. Thread-safe.
agent_word_set find_agent_words(std::string_view user_agent);

} // namespace farol::metrics
