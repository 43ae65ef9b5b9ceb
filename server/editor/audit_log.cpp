#include "editor/audit_log.hpp"

#include "content/timestamp.hpp"
#include "util/csv.hpp"

namespace farol::editor {

void audit_log::record(std::string_view actor, std::string_view action, std::string_view object,
                       std::string_view outcome) const {
    store::audit_entry e;
    e.at_ns = clock_.now().time_since_epoch().count();
    e.actor = actor;
    e.action = action;
    e.object = object;
    e.outcome = outcome;
    store_.append(e);
}

std::string audit_log::to_csv(std::vector<store::audit_entry> const& entries) {
    util::csv_writer out;
    out.row({"time", "user", "action", "object", "outcome"});
    for (auto const& e : entries) {
        auto const at = util::clock::time_point(util::clock::time_point::duration(e.at_ns));
        out.row({content::format_utc_timestamp(at), e.actor, e.action, e.object, e.outcome});
    }
    return out.text();
}

} // namespace farol::editor
