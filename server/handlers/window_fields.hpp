#pragma once
#include "content/model.hpp"
#include "editor/schedule_form.hpp"
#include "handlers/editor_common.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace farol::handlers::editor_ui {

// The date fields of a form (templates/editor/partials/window_fields): from_date, from_time,
// from_choice, the same for until, and zone.
editor::window_form read_window_form(http::request_context const& ctx);

// A stored window as the form shows it, in `zone` (an IANA name the system knows).
editor::window_form window_form_of(content::publish_window const& w, std::string const& zone);

// Fills the partial's values: every zone (the form's selected), the fields as entered, the current
// time in the zone beside them, and for a time the zone reads twice, both readings to choose from.
void window_view(page_context const& p, editor::window_form const& form, std::vector<editor::ambiguity> const& twice,
                 content::time_point now, boost::json::object& data);

// Adds each problem beside its field (and to the summary) with its detail.
void add_problems(form_errors& errors, std::vector<editor::field_problem> const& problems);

// "2026-07-30 09:00 -03 (UTC-03:00)" for a stored time in `zone`, or the `none` text.
std::string local_text(std::optional<content::time_point> t, std::string const& zone, std::string const& none);

} // namespace farol::handlers::editor_ui
