#include "app/schedule_journal.hpp"

#include "editor/audit_log.hpp"
#include "store/schedule_store.hpp"

namespace farol::app {

namespace {

constexpr std::string_view actor = "schedule";

bool passed(std::optional<content::time_point> edge, content::time_point since, content::time_point now) {
    return edge && since < *edge && *edge <= now;
}

} // namespace

void schedule_journal::window_edges(content::library const& lib, content::time_point since,
                                    content::time_point now) const {
    for (auto const& c : lib.campaigns) {
        auto const object = "campaign:" + c.slug;
        if (passed(c.window.from, since, now)) audit_.record(actor, "schedule.publish", object);
        if (passed(c.window.until, since, now)) audit_.record(actor, "schedule.unpublish", object);
        for (auto const& t : c.translations) {
            if (passed(t.window.from, since, now)) audit_.record(actor, "schedule.publish", object + "/" + t.language);
            if (passed(t.window.until, since, now)) audit_.record(actor, "schedule.unpublish", object + "/" + t.language);
        }
    }
}

void schedule_journal::record(content::library const& lib, published::site const* before,
                              published::site const& after) {
    auto const since = before && before->built_at.time_since_epoch().count() != 0 ? std::optional(before->built_at)
                                                                                  : store_.applied_at();
    if (since) window_edges(lib, *since, after.built_at);
    bool const scheduled = before && before->next_change && *before->next_change <= after.built_at;
    if (scheduled)
        for (auto const& [path, picked] : after.picks) {
            auto const was = before->picks.find(path);
            if (was != before->picks.end() && was->second != picked)
                audit_.record(actor, "schedule.rotate", "page:" + path + " " + picked);
        }
    store_.set_applied_at(after.built_at);
}

} // namespace farol::app
