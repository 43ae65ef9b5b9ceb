#pragma once
#include "metrics/event_buffers.hpp"
#include "metrics/reach_event.hpp"
#include "metrics/reader_traits.hpp"
#include "metrics/visitor_hash.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace farol::metrics {

// Everything that decides whether and how reach counts a GET without prefetch hints: its headers'
// user-agent, what its Referer says (read_referer) and Sec-CH-UA-Mobile, the ?src= it counts
// under, the event, campaign and language, and the client's visitor key (network and salt).
struct request_inputs {
    std::string_view user_agent;
    referer_facts referer;
    std::string_view sec_ch_ua_mobile, source_query;
    std::string_view campaign, language;
    event_kind event = event_kind::view;
    visitor_key visitor;
};

// One thread's last counted request and the buffer entries that counted it (one event, or a
// partner's view and widget click), so that the same request again, as a reload or a client
// polling over keep-alive sends it, is counted by adding one to those entries instead of judging,
// hashing and categorising it anew. Meant to be thread_local: no lock. In memory only, like the
// visitor memo; the next different request replaces it. Of the Referer it keeps only what counting
// read from it (a source category, whether an editor's page), never the URL.
// A ticket lasts until the flusher's next drain (metrics.flush_interval), so a change of the
// partner registry reaches a repeated request's source at most one interval late.
class last_request {
public:
    // Whether `in` is the remembered request again, for the same recorder: every input equal, and a
    // visitor key, so the same network under the same salt.
    bool matches(std::uint64_t recorder, request_inputs const& in) const;
    // The tickets of the entries that counted the remembered request.
    std::span<event_buffers::ticket const> tickets() const { return {tickets_.data(), count_}; }
    bool preview() const { return preview_; }

    // Remembers `in` (copied: the request's buffers are reused) as counted into `tickets` (at most 2),
    // as a preview or not. Strings keep their capacity: no allocation once warm.
    void remember(std::uint64_t recorder, request_inputs const& in, bool preview,
                  std::span<event_buffers::ticket const> tickets);
    // Forgets the request (a ticket went stale or an entry was dropped).
    void forget() { recorder_ = 0; }

private:
    std::uint64_t recorder_ = 0; // 0: nothing remembered
    std::string user_agent_, sec_ch_ua_mobile_, source_query_, campaign_, language_;
    referer_facts referer_;
    event_kind event_ = event_kind::view;
    visitor_key visitor_;
    bool preview_ = false;
    std::array<event_buffers::ticket, 2> tickets_{};
    std::size_t count_ = 0;
};

} // namespace farol::metrics
