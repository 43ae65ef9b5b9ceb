#pragma once
#include "metrics/reach_event.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace farol::http {
struct request_context;
}

namespace farol::metrics {

class crawler_list;
class event_buffers;
class prometheus_writer;
class visitor_hasher;
struct agent_traits;
struct reach_headers;
struct request_inputs;

// Why a request was or was not counted: the beacon names it in a response header, /metrics counts it.
// editor: sent from one of this site's editor pages (a file opened from a preview): no reader.
enum class reach_verdict { counted, preview, head, prefetch, crawler, cross_site, unknown, not_here, editor };

// "counted", "preview", "head", "prefetch", "crawler", "cross-site", "unknown", "not-here", "editor".
std::string_view to_string(reach_verdict v);

// What the read path calls to count a reader (issue 12): it judges the request from its headers,
// reduces it to a reach_event (day, campaign, language, event, source category, device class, the
// day's visitor hash) and appends it to the calling thread's buffer. Nothing of the request is
// kept: the address and user-agent go into the salted hash and are forgotten, the Referer only
// into its host's category. No lock shared between io threads, no SQLite, no I/O. A thread's last
// counted request is remembered (metrics/last_request): the same request again is added to the
// events it made without being judged, hashed or categorised anew.
//
// The order of the checks: HEAD, then prefetch headers, then link-preview bots (counted as a
// preview, with no visitor), then the crawler list, then a Referer naming this site's /editor/
// (editor pages send same-origin Referers: an editor checking a preview's file is no reader). In beacon mode (metrics.count_at = beacon)
// cacheable pages are counted by /b alone, so a cache in front does not hide readers.
class reach_recorder {
public:
    struct options {
        bool count_at_origin = true;
        std::string own_host; // the public URL's host: a Referer from it is "direct"
        // Whether a ?src= value (lower case) is a registered partner id; none before partners exist.
        std::function<bool(std::string_view)> is_partner;
    };

    reach_recorder(event_buffers& buffers, visitor_hasher& hasher, crawler_list const& crawlers, options o);

    // A home or campaign page (cacheable: in beacon mode its /b beacon counts it instead) or a search
    // page (never cached, so always counted here): `campaign` is "" for home and search.
    reach_verdict page_view(http::request_context const& ctx, std::string_view campaign, std::string_view language,
                            bool cacheable);
    // A material request: one download per full GET or range from byte 0 (counts_as_download).
    reach_verdict download(http::request_context const& ctx, std::string_view campaign, std::string_view language);
    // Any other event the caller has already validated (a share-link click, /b's beacon, widgets).
    // `source_query` is the ?src= of the page the event belongs to ("" when none): the beacon reads
    // it from its same-origin Referer, other callers from their own query.
    reach_verdict record(http::request_context const& ctx, event_kind event, std::string_view campaign,
                         std::string_view language, std::string_view source_query);

    bool counts_at_origin() const { return options_.count_at_origin; }
    // Requests judged, by verdict, since the start (a scrape sums the shards).
    std::uint64_t verdicts(reach_verdict v) const;
    // metrics "farol_reach_requests_total{verdict}" and the buffers' dropped events.
    void render(prometheus_writer& out) const;

private:
    static constexpr std::size_t verdict_count = 9;
    static constexpr std::size_t shard_count = 8;
    struct alignas(64) shard {
        std::array<std::atomic<std::uint64_t>, verdict_count> counts{};
    };
    // What the User-Agent says (link preview, crawler, device class), worked out once per user-agent
    // per thread (the read path sees the same few user-agents again and again), with the memo of
    // its last reader's hash. The reference is the calling thread's, good until its next call.
    agent_traits& traits_of(std::string_view user_agent) const;
    reach_verdict judge(http::request_context const& ctx, reach_headers const& h, agent_traits const& agent,
                        bool from_editor) const;
    reach_verdict note(reach_verdict v);
    // Judges, reduces and records a request that is not the thread's last one again; remembers it
    // as the thread's last when `in` has a visitor key (a GET without prefetch hints).
    reach_verdict count(http::request_context const& ctx, reach_headers const& h, request_inputs const& in);

    event_buffers& buffers_;
    visitor_hasher& hasher_;
    crawler_list const& crawlers_;
    options options_;
    std::uint64_t id_; // this recorder's key in the per-thread cache of user-agent traits
    std::array<shard, shard_count> shards_;
};

} // namespace farol::metrics
