#include "metrics/reach_recorder.hpp"

#include "http/request_context.hpp"
#include "metrics/crawler_list.hpp"
#include "metrics/event_buffers.hpp"
#include "metrics/last_request.hpp"
#include "metrics/prometheus.hpp"
#include "metrics/reach_headers.hpp"
#include "metrics/reader_traits.hpp"
#include "metrics/recent_cache.hpp"
#include "metrics/visitor_hash.hpp"

namespace farol::metrics {

struct agent_traits {
    bool preview = false;
    bool crawler = false;
    device_class device = device_class::desktop; // from the user-agent alone
    visitor_memo last_reader;                     // this user-agent's last reader on this thread
};

namespace {

constexpr std::size_t agent_cache_size = 8;
constexpr std::size_t agent_cache_max_length = 512; // longer user-agents are read every time
std::atomic<std::uint64_t> next_recorder_id{1};
thread_local recent_cache<agent_traits, agent_cache_size> recent_agents;
thread_local agent_traits long_agent; // a user-agent too long to cache: read anew, no memo kept
thread_local last_request last_counted;

constexpr reach_verdict all_verdicts[] = {reach_verdict::counted, reach_verdict::preview,    reach_verdict::head,
                                          reach_verdict::prefetch, reach_verdict::crawler,   reach_verdict::cross_site,
                                          reach_verdict::unknown,  reach_verdict::not_here,  reach_verdict::editor};

std::size_t shard_index() {
    static std::atomic<std::size_t> next{0};
    thread_local std::size_t const index = next.fetch_add(1, std::memory_order_relaxed);
    return index;
}

} // namespace

std::string_view to_string(reach_verdict v) {
    switch (v) {
    case reach_verdict::counted: return "counted";
    case reach_verdict::preview: return "preview";
    case reach_verdict::head: return "head";
    case reach_verdict::prefetch: return "prefetch";
    case reach_verdict::crawler: return "crawler";
    case reach_verdict::cross_site: return "cross-site";
    case reach_verdict::unknown: return "unknown";
    case reach_verdict::not_here: return "not-here";
    case reach_verdict::editor: return "editor";
    }
    return "unknown";
}

reach_recorder::reach_recorder(event_buffers& buffers, visitor_hasher& hasher, crawler_list const& crawlers, options o)
    : buffers_(buffers), hasher_(hasher), crawlers_(crawlers), options_(std::move(o)),
      id_(next_recorder_id.fetch_add(1, std::memory_order_relaxed)) {}

agent_traits& reach_recorder::traits_of(std::string_view user_agent) const {
    bool const cacheable = user_agent.size() <= agent_cache_max_length;
    if (auto* hit = cacheable ? recent_agents.find(id_, user_agent) : nullptr) return *hit;
    agent_traits t;
    auto const read = read_user_agent(user_agent);
    t.preview = read.preview;
    t.crawler = !t.preview && crawlers_.matches(user_agent); // a preview is judged as one, never as a crawler
    t.device = read.device;
    if (cacheable) return recent_agents.remember(id_, user_agent, t);
    return long_agent = t; // an empty memo: it never answers for another user-agent
}

reach_verdict reach_recorder::judge(http::request_context const& ctx, reach_headers const& h,
                                    agent_traits const& agent, bool from_editor) const {
    if (ctx.method != http::verb::get) return reach_verdict::head;
    if (is_prefetch(h.sec_purpose, h.purpose, h.x_purpose, h.x_moz)) return reach_verdict::prefetch;
    if (agent.preview) return reach_verdict::preview;
    if (agent.crawler) return reach_verdict::crawler;
    if (from_editor) return reach_verdict::editor;
    return reach_verdict::counted;
}

reach_verdict reach_recorder::note(reach_verdict v) {
    shards_[shard_index() % shard_count].counts[static_cast<std::size_t>(v)].fetch_add(1, std::memory_order_relaxed);
    return v;
}

reach_verdict reach_recorder::record(http::request_context const& ctx, event_kind event, std::string_view campaign,
                                     std::string_view language, std::string_view source_query) {
    reach_headers const h(ctx.req);
    bool const repeatable = ctx.method == http::verb::get && !h.has_prefetch_hint();
    auto const referer = h.referer.empty() ? referer_facts{} : read_referer(h.referer, options_.own_host);
    request_inputs in{h.user_agent, referer, h.sec_ch_ua_mobile, source_query, campaign, language, event, {}};
    if (repeatable) {
        in.visitor = hasher_.key_of(ctx.client, ctx.received_at); // the arrival: the clock is not read again
        if (last_counted.matches(id_, in) && buffers_.count_again(last_counted.tickets()))
            return note(last_counted.preview() ? reach_verdict::preview : reach_verdict::counted);
    }
    last_counted.forget();
    auto const verdict = count(ctx, h, in);
    return note(verdict);
}

reach_verdict reach_recorder::count(http::request_context const& ctx, reach_headers const& h,
                                    request_inputs const& in) {
    auto& agent = traits_of(h.user_agent);
    auto const verdict = judge(ctx, h, agent, in.referer.editor_page);
    if (verdict != reach_verdict::counted && verdict != reach_verdict::preview) return verdict;
    auto const from = categorize_source(in.source_query, in.referer.kind, options_.is_partner);
    event_draft e{.campaign = in.campaign, .language = in.language, .source = from.kind, .partner = from.partner,
                  .device = classify_device(agent.device, h.sec_ch_ua_mobile)};
    if (verdict == reach_verdict::preview) {
        e.event = event_kind::preview; // a messenger rendering the link: nobody has read it yet
        e.day = hasher_.day(ctx.received_at);
    } else {
        e.event = in.event;
        auto const hash = hasher_.hash_dated(ctx.client, h.user_agent, agent.last_reader, ctx.received_at);
        e.visitor = hash.value;
        e.day = hash.day;
    }
    std::array<event_buffers::ticket, 2> tickets;
    std::size_t counted = 0;
    if (e.event == event_kind::view && e.source == source_kind::partner) { // arrived through a partner's widget
        auto click = e;
        click.event = event_kind::widget_click;
        tickets[counted++] = buffers_.record(click);
    }
    tickets[counted++] = buffers_.record(e);
    // A preview's day comes from the salt too, so the visitor key covers it.
    if (in.visitor.hasher != 0)
        last_counted.remember(id_, in, verdict == reach_verdict::preview, {tickets.data(), counted});
    return verdict;
}

reach_verdict reach_recorder::page_view(http::request_context const& ctx, std::string_view campaign,
                                        std::string_view language, bool cacheable) {
    if (cacheable && !options_.count_at_origin) return note(reach_verdict::not_here); // /b counts it
    return record(ctx, event_kind::view, campaign, language, ctx.query_param("src").value_or(""));
}

reach_verdict reach_recorder::download(http::request_context const& ctx, std::string_view campaign,
                                       std::string_view language) {
    if (ctx.method != http::verb::get) return note(reach_verdict::head);
    // The rest of a download already counted (a resumed or parallel range) is no new download.
    if (!counts_as_download(true, ctx.header(http::field::range))) return note(reach_verdict::not_here);
    return record(ctx, event_kind::download, campaign, language, ctx.query_param("src").value_or(""));
}

std::uint64_t reach_recorder::verdicts(reach_verdict v) const {
    std::uint64_t total = 0;
    for (auto const& s : shards_) total += s.counts[static_cast<std::size_t>(v)].load(std::memory_order_relaxed);
    return total;
}

void reach_recorder::render(prometheus_writer& out) const {
    out.family("farol_reach_requests_total",
               "Requests judged for reach counting, by verdict: counted, preview, or why not counted.", "counter");
    for (auto const v : all_verdicts) out.sample("farol_reach_requests_total", {{"verdict", to_string(v)}}, verdicts(v));
    out.family("farol_reach_events_dropped_total", "Reach events dropped because an io thread's buffer was full.",
               "counter");
    out.sample("farol_reach_events_dropped_total", {}, buffers_.dropped());
    out.family("farol_reach_repeats_total",
               "Counted requests that repeated their io thread's last one and were added to its events unjudged.",
               "counter");
    out.sample("farol_reach_repeats_total", {}, buffers_.repeats());
}

} // namespace farol::metrics
