#include "metrics/reach_event.hpp"

namespace farol::metrics {

std::string_view to_string(event_kind e) {
    switch (e) {
    case event_kind::view: return "view";
    case event_kind::preview: return "preview";
    case event_kind::download: return "download";
    case event_kind::share: return "share";
    case event_kind::widget_impression: return "widget_impression";
    case event_kind::widget_click: return "widget_click";
    }
    return "view";
}

bool event_draft::repeats(reach_event const& e) const {
    return e.visitor == visitor && e.day == day && e.event == event && e.device == device &&
           e.from.kind == source && e.campaign == campaign && e.language == language && e.from.partner == partner;
}

reach_event event_draft::to_event() const {
    reach_event e;
    e.day = day;
    e.campaign = campaign;
    e.language = language;
    e.event = event;
    e.from = {source, std::string(partner)};
    e.device = device;
    e.visitor = visitor;
    return e;
}

event_draft draft_of(reach_event const& e) {
    return {e.day, e.campaign, e.language, e.event, e.from.kind, e.from.partner, e.device, e.visitor};
}

} // namespace farol::metrics
