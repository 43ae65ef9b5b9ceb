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

} // namespace farol::metrics
