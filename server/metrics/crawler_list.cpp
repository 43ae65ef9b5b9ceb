#include "metrics/crawler_list.hpp"

#include "metrics/recent_cache.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace farol::metrics {

namespace {

// A ceiling, not an allocation: today's 1,500 patterns compile within 2 MiB (not within 1 MiB), and
// RE2's default 8 MiB would leave the growing list and its lazily built DFA little headroom.
constexpr std::int64_t set_memory_budget = 32 << 20;

[[noreturn]] void fail(std::filesystem::path const& file, std::string const& why) {
    throw std::runtime_error("crawler list " + file.string() + ": " + why);
}

std::string read_text(std::filesystem::path const& file) {
    std::error_code ec;
    auto const status = std::filesystem::status(file, ec);
    if (ec) fail(file, "cannot open: " + ec.message());
    if (!std::filesystem::is_regular_file(status)) fail(file, "not a regular file");
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, std::string("cannot open: ") + std::strerror(errno));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) fail(file, "cannot read");
    return text;
}

boost::json::array parse_array(std::filesystem::path const& file) {
    auto const text = read_text(file);
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec);
    if (ec) fail(file, "invalid JSON: " + ec.message());
    if (!value.is_array()) fail(file, "expected a JSON array of {\"pattern\": ...} objects");
    return std::move(value.as_array());
}

std::atomic<std::uint64_t> next_list_id{1};

thread_local recent_cache<bool, crawler_list::cache_size> recent; // a thread's last user-agents' verdicts

} // namespace

struct crawler_list::compiled {
    compiled() : id(next_list_id.fetch_add(1)), set(options(), RE2::UNANCHORED) {}

    static RE2::Options options() {
        RE2::Options o;
        o.set_log_errors(false); // rejected patterns are counted, not printed to stderr
        o.set_max_mem(set_memory_budget);
        return o;
    }

    std::uint64_t id;
    RE2::Set set;
    std::size_t patterns = 0;
    std::size_t skipped = 0;
    mutable std::atomic<std::size_t> dfa_failures{0};
    mutable std::atomic<std::size_t> set_matches{0};

    bool match(std::string_view user_agent) const;
};

bool crawler_list::compiled::match(std::string_view user_agent) const {
    set_matches.fetch_add(1, std::memory_order_relaxed);
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    // No index vector: RE2 may stop at the first pattern that matches.
    if (set.Match(re2::StringPiece(user_agent.data(), user_agent.size()), nullptr, &info)) return true;
    if (info.kind != RE2::Set::kNoError) dfa_failures.fetch_add(1, std::memory_order_relaxed);
    return false;
}

crawler_list crawler_list::load(std::filesystem::path const& json_file) {
    auto const entries = parse_array(json_file);
    auto c = std::make_unique<compiled>();
    std::string error;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto const* entry = entries[i].if_object();
        auto const* pattern = entry ? entry->if_contains("pattern") : nullptr;
        if (!pattern || !pattern->is_string())
            fail(json_file, "entry " + std::to_string(i) + " has no string \"pattern\"");
        auto const& p = pattern->get_string();
        if (c->set.Add(re2::StringPiece(p.data(), p.size()), &error) < 0)
            ++c->skipped;
        else
            ++c->patterns;
    }
    // An empty set is never compiled: matches() answers false without asking RE2.
    if (c->patterns > 0 && !c->set.Compile()) fail(json_file, "RE2 ran out of memory compiling the set");
    return crawler_list(std::move(c));
}

crawler_list::crawler_list(std::unique_ptr<compiled> c) : compiled_(std::move(c)) {}
crawler_list::crawler_list(crawler_list&&) noexcept = default;
crawler_list& crawler_list::operator=(crawler_list&&) noexcept = default;
crawler_list::~crawler_list() = default;

bool crawler_list::matches(std::string_view user_agent) const {
    if (user_agent.empty() || compiled_->patterns == 0) return false;
    if (user_agent.size() > cache_max_length) return compiled_->match(user_agent);
    if (auto const* hit = recent.find(compiled_->id, user_agent)) return *hit;
    bool const crawler = compiled_->match(user_agent);
    recent.remember(compiled_->id, user_agent, crawler);
    return crawler;
}

std::size_t crawler_list::patterns() const { return compiled_->patterns; }
std::size_t crawler_list::skipped() const { return compiled_->skipped; }
std::size_t crawler_list::set_matches() const { return compiled_->set_matches.load(std::memory_order_relaxed); }
std::size_t crawler_list::dfa_failures() const { return compiled_->dfa_failures.load(std::memory_order_relaxed); }

} // namespace farol::metrics
