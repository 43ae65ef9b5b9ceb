#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace farol::metrics {

// The maintained crawler list (npm's crawler-user-agents, a JSON array of objects whose "pattern"
// is a regular expression), compiled once into one RE2::Set so a user-agent is checked against
// every pattern in a single pass. scripts/bootstrap installs the list at
// scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json (relative to the
// repository); the caller configures the path.
//
// Note that the list also names the link-preview fetchers (WhatsApp, facebookexternalhit,
// TelegramBot...): a caller that counts previews checks is_link_preview() first.
//
// Immutable after load(); matches() may be called from any number of threads at once (RE2 guards
// its lazily built DFA cache with a reader/writer lock). Each thread remembers the verdicts of the
// last `cache_size` user-agents it asked about, so a burst from one client runs the set once.
class crawler_list {
public:
    // Reads and compiles the list. Patterns are matched unanchored and case-sensitively, as the
    // list's own validators (Go's regexp, Python's re.search) do. A pattern RE2 cannot compile
    // (e.g. a look-around) is skipped and counted in skipped(). Throws std::runtime_error naming
    // the file and the reason when it is missing or unreadable, is not JSON, is not an array of
    // objects with a string "pattern", or when the set does not compile (out of memory).
    static crawler_list load(std::filesystem::path const& json_file);

    crawler_list(crawler_list&&) noexcept;
    crawler_list& operator=(crawler_list&&) noexcept;
    ~crawler_list();

    // True when some pattern occurs in user_agent. An empty user-agent is not a crawler (the caller
    // decides what to do with it). Should RE2's DFA run out of memory on some input, the answer is
    // false (the request is counted): see dfa_failures().
    bool matches(std::string_view user_agent) const;

    static constexpr std::size_t cache_size = 8;         // user-agents remembered per thread
    static constexpr std::size_t cache_max_length = 512; // longer ones are matched every time
    // Times the set itself ran (matches() that the per-thread cache did not answer), since load().
    std::size_t set_matches() const;

    // Patterns compiled into the set, and patterns skipped because RE2 rejected them.
    std::size_t patterns() const;
    std::size_t skipped() const;
    // Matches that could not be decided because the DFA ran out of memory; 0 unless the list grows
    // far beyond its present size.
    std::size_t dfa_failures() const;

private:
    struct compiled;
    explicit crawler_list(std::unique_ptr<compiled> c);

    std::unique_ptr<compiled> compiled_;
};

} // namespace farol::metrics
