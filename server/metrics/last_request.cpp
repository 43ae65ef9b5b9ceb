#include "metrics/last_request.hpp"

#include <algorithm>
#include <cstring>

namespace farol::metrics {

namespace {

// Most of these are empty: sizes first, bytes only when there are some. Inlined: called per request.
[[gnu::always_inline]] inline bool same(std::string_view a, std::string const& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

} // namespace

bool last_request::matches(std::uint64_t recorder, request_inputs const& in) const {
    // Cheap fields first; strings last, the longest (the user-agent) last of all.
    return recorder_ == recorder && recorder != 0 && in.visitor.hasher != 0 && in.visitor == visitor_ &&
           in.event == event_ && same(in.campaign, campaign_) && same(in.language, language_) &&
           in.referer.kind == referer_.kind && in.referer.editor_page == referer_.editor_page &&
           same(in.source_query, source_query_) &&
           same(in.sec_ch_ua_mobile, sec_ch_ua_mobile_) && same(in.user_agent, user_agent_);
}

void last_request::remember(std::uint64_t recorder, request_inputs const& in, bool preview,
                            std::span<event_buffers::ticket const> tickets) {
    count_ = std::min(tickets.size(), tickets_.size());
    std::copy_n(tickets.begin(), count_, tickets_.begin());
    bool const all_counted = std::all_of(tickets_.begin(), tickets_.begin() + static_cast<std::ptrdiff_t>(count_),
                                         [](auto const& t) { return t.index != event_buffers::npos; });
    if (!all_counted || count_ != tickets.size() || in.visitor.hasher == 0) return forget();
    recorder_ = recorder;
    user_agent_.assign(in.user_agent);
    referer_ = in.referer;
    sec_ch_ua_mobile_.assign(in.sec_ch_ua_mobile);
    source_query_.assign(in.source_query);
    campaign_.assign(in.campaign);
    language_.assign(in.language);
    event_ = in.event;
    visitor_ = in.visitor;
    preview_ = preview;
}

} // namespace farol::metrics
