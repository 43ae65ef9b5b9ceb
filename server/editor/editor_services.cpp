#include "editor/editor_services.hpp"

namespace farol::editor {

editor_services::editor_services(std::shared_ptr<store::database> db, util::clock const& clock,
                                 editor_settings const& settings)
    : account_store(db), session_store(db), audit_store(db), audit(audit_store, clock), hasher(settings.hashing),
      throttle(clock, settings.throttle), sessions(session_store, account_store, audit, clock, settings.sessions),
      accounts(account_store, sessions, hasher, audit, clock), sign_in(account_store, hasher, throttle, audit, clock),
      second_factor(account_store, hasher, audit, clock), campaign_store(db),
      campaigns(campaign_store, audit, clock, settings.languages, settings.republish), material_library(db),
      blobs(settings.materials_dir),
      materials(material_library, blobs, audit, campaigns, clock, settings.uploads, settings.republish),
      bundle_import(db, settings.bundle_paths, settings.languages, audit, clock, settings.republish),
      schedule_store(db),
      scheduling(schedule_store, campaign_store, account_store, audit, settings.languages, settings.zone, settings.republish,
                 settings.publish_problem),
      reach(db), reach_k(settings.reach_k), partner_store(db),
      partners(partner_store, schedule_store, audit, clock, settings.languages, settings.partners_changed) {}

} // namespace farol::editor
