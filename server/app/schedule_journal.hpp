#pragma once
#include "content/model.hpp"
#include "published/site.hpp"

namespace farol::editor {
class audit_log;
}
namespace farol::store {
class schedule_store;
}

namespace farol::app {

// The audit trail of what the schedule did by itself: after each Site build it records every
// publish window edge that passed since the previous build (or, after a restart, since the last
// build before it: boundaries missed while the server was down), as schedule.publish and
// schedule.unpublish by actor "schedule", and each rotating page whose pick moved (schedule.rotate).
// Blocking (SQLite): the publisher's thread.
class schedule_journal {
public:
    schedule_journal(editor::audit_log const& audit, store::schedule_store& store) : audit_(audit), store_(store) {}

    void record(content::library const& lib, published::site const* before, published::site const& after);

private:
    void window_edges(content::library const& lib, content::time_point since, content::time_point now) const;

    editor::audit_log const& audit_;
    store::schedule_store& store_;
};

} // namespace farol::app
