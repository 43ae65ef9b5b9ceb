#pragma once
#include "http/body.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "util/clock.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::view {
class editor_views;
}

namespace farol::handlers::editor_ui {

// What every editor page needs to draw itself in the user's language.
struct page_context {
    view::editor_views const& views;
    http::request_context const& ctx;
    std::string lang;

    page_context(view::editor_views const& v, http::request_context const& c);
    std::string text(std::string_view key) const;
};

// A form's problems: each names its field and a catalog key. Shown as a summary at the top of the
// form (links to the fields) and next to each field (aria-describedby), as GOV.UK and WCAG 3.3.1 ask.
class form_errors {
public:
    // `detail` fills the message's {detail} placeholder (a value, a range), when it has one.
    void add(std::string field, std::string key, std::string detail = {}) {
        items_.push_back({std::move(field), std::move(key), std::move(detail)});
    }
    bool empty() const { return items_.empty(); }
    // Adds errors (the summary list) and <field>_error (each message) to data.
    void into(page_context const& p, boost::json::object& data) const;

private:
    struct item {
        std::string field, key, detail;
    };
    std::vector<item> items_;
};

// The ?done= notice after a redirect: the text "<prefix>.done.<value>", for values the catalog knows;
// any other value (a hand-edited link) shows no notice rather than failing.
void add_done_notice(page_context const& p, std::string_view prefix, boost::json::object& data);

// The page editor/<name> for the request: data plus who is signed in, the CSRF token and the
// navigation their role allows. 200 unless `status` says otherwise (422 for a form with errors).
http::response page(page_context const& p, std::string_view name, boost::json::object data,
                    http::status status = http::status::ok);

// The options of a route only editors and admins may call (the content routes).
http::route_options writers_route(char const* name, http::body_kind body = http::body_kind::none);

// 303 See Other to a path of the editor (after a POST, so a reload does not send it again).
http::response see_other(std::string_view location);

// A time for people: "2026-11-30 14:05 UTC".
std::string display_time(std::int64_t ns);

// The request's `next` target if it is a path inside the editor, else "/editor/" (no open redirect).
std::string safe_next(std::string_view next);

// The editor's error page (error_style::editor_page): the status and its explanation in the user's
// language, with a way back; the route policy's refusals (http/access.hpp) each have their own text.
std::function<http::response(http::request_context const&, http::status, std::string_view)>
error_renderer(std::shared_ptr<view::editor_views const> views);

} // namespace farol::handlers::editor_ui
