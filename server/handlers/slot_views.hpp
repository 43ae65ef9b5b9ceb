#pragma once
#include "content/model.hpp"
#include "handlers/editor_common.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace farol::handlers::editor_ui {

// The rotation periods a slot may have, in minutes (each divides a day), `selected_seconds` chosen.
boost::json::array period_options(std::int64_t selected_seconds);

// The slot's entries as its table shows them: campaign, languages, weight, priority, window in the
// slot's zone, days, hours and where to delete it.
boost::json::array entry_rows(page_context const& p, content::rotation_slot const& slot);

// What the slot will show over the 7 days from today's local midnight in its zone, per language
// (`languages`): "timeline_svg" (view::timeline_svg), "timeline_tables" (the same as rows of
// from, until and campaign, for screen readers) and "shares" (each entry's share of the week, with
// the time nothing is eligible). An invalid slot (unknown zone) gives only "plan_error".
boost::json::object plan_view(page_context const& p, content::rotation_slot const& slot, content::library const& lib,
                              std::vector<std::string> const& languages, content::time_point now);

} // namespace farol::handlers::editor_ui
