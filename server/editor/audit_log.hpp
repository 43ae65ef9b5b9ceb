#pragma once
#include "store/audit_store.hpp"
#include "util/clock.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace farol::editor {

// The audit log every security-relevant event goes through (and, in later issues, content,
// schedule and partner events). Blocking (SQLite): the worker pool or a command.
class audit_log {
public:
    audit_log(store::audit_store& store, util::clock const& clock) : store_(store), clock_(clock) {}

    // actor: the account ("" for the system, "cli" for `farol user`); action: a dotted verb such
    // as "user.disable"; object: what it acted on ("user:ana"); outcome: "ok", "failed", ...
    void record(std::string_view actor, std::string_view action, std::string_view object,
                std::string_view outcome = "ok") const;
    std::vector<store::audit_entry> list(store::audit_filter const& f) const { return store_.list(f); }
    std::vector<std::string> actions() const { return store_.actions(); }

    // RFC 4180 CSV (time in RFC 3339 UTC, actor, action, object, outcome), with a header row and
    // cells that a spreadsheet would run as a formula neutralised (util/csv.hpp).
    static std::string to_csv(std::vector<store::audit_entry> const& entries);

private:
    store::audit_store& store_;
    util::clock const& clock_;
};

} // namespace farol::editor
