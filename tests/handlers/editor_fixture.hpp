#pragma once
// The whole route table (app::mount_areas) over an in-memory database with the editor's services,
// a fixed clock and fast password hashing, and a client that keeps a session cookie and sends
// each form with its CSRF token and a same-origin Origin: the editor tests' common ground.
#include "app/areas.hpp"
#include "app/services.hpp"
#include "editor/editor_services.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/handler_fixture.hpp"
#include "store/database.hpp"
#include "store/search.hpp"
#include "support/temp_dir.hpp"
#include "view/editor_views.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace farol::test {


// A password the policy accepts (four unrelated words).
constexpr char const* strong = "lighthouse orbit cashew pillow";

inline bool contains(http::response const& res, std::string_view text) {
    return body_of(res).find(text) != std::string::npos;
}

// Hashing at libsodium's minimum cost: the rules are the same, the tests are fast.
editor::editor_settings fast_editor_settings();

struct editor_fixture {
    explicit editor_fixture(editor::editor_settings settings = fast_editor_settings());

    handler_fixture base;
    temp_dir files; // the material bytes (files/materials) and uploads being received (files/incoming)
    std::shared_ptr<store::database> db;
    store::search_index search;
    editor::editor_services editor;
    std::shared_ptr<view::editor_views const> views;
    http::dispatcher dispatcher;

    util::fixed_clock& clock() { return base.clock; }
    // An account with a password of its own (no change asked), straight through the service.
    void add_user(std::string const& name, http::role role, std::string const& password);
};

// One browser: a cookie jar of one cookie, a language, and the forms' CSRF token.
class editor_client {
public:
    explicit editor_client(editor_fixture& f, std::string lang = "en") : f_(f), lang_(std::move(lang)) {}

    http::response get(std::string_view target);
    // Sends the form with this session's CSRF token (unless with_token is false) from our own origin.
    http::response post(std::string_view target, form_fields fields, bool with_token = true,
                        std::string_view origin = "http://farol.test");
    // A multipart/form-data POST as the server hands it to a file_stream route: the text fields in
    // ctx.form (with the CSRF token unless with_token is false) and each file already on disk.
    http::response post_upload(std::string_view target, form_fields fields, std::vector<http::uploaded_file> files,
                               bool with_token = true, std::string_view origin = "http://farol.test");
    // Name and password, then the code when asked for one; the response to the last step.
    http::response sign_in(std::string const& name, std::string const& password);

    std::string const& cookie() const { return cookie_; }
    void set_cookie(std::string c) { cookie_ = std::move(c); }
    // The CSRF token of the current session ("" without one).
    std::string csrf() const;

private:
    http::response send(request_builder& b);
    editor_fixture& f_;
    std::string lang_;
    std::string cookie_; // "name=value", or empty
};

// The text of the first `<code id="id">…</code>` in a page ("" if none).
std::string code_by_id(std::string const& html, std::string const& id);

} // namespace farol::test
