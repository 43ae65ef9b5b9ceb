#include "handlers/editor_fixture.hpp"

#include "store/library_repository.hpp"

#include <sodium.h>

namespace farol::test {

editor::editor_settings fast_editor_settings() {
    editor::editor_settings s;
    s.hashing.opslimit = crypto_pwhash_OPSLIMIT_MIN;
    s.hashing.memlimit = crypto_pwhash_MEMLIMIT_MIN;
    s.languages = {"pt-BR", "es", "en", "fr", "ht", "ar"};
    return s;
}

namespace {
editor::editor_settings in_dirs(editor::editor_settings s, temp_dir const& dir) {
    s.materials_dir = dir / "materials";
    s.uploads.work_dir = dir / "incoming";
    return s;
}

http::dispatcher make_dispatcher(editor_fixture& f) {
    app::services s{f.base.clock, f.base.clock.now(), f.base.site, f.base.assets, f.search,
                    [&f] { return f.base.pages; }, [] { return true; }, [] { return std::string("m 1\n"); },
                    f.editor, f.views, [] { return std::string(); },
                    [&f] { return store::load_library(*f.db, store::library_detail::site); }, 1024 * 1024};
    http::dispatcher_options o;
    o.sessions = &f.editor.sessions;
    http::dispatcher d(app::mount_areas(s), o, f.base.clock);
    d.set_error_renderer(handlers::localized_errors(f.base.site));
    d.set_editor_error_renderer(handlers::editor_ui::error_renderer(f.views));
    return d;
}
} // namespace

editor_fixture::editor_fixture(editor::editor_settings settings)
    : db(store::database::open_memory(base.clock)), search(db), editor(db, base.clock, in_dirs(std::move(settings), files)),
      views(view::editor_views::load(base.source / "templates", {"pt-BR", "en"}, base.assets->url("css/editor.css"),
                                     base.assets->url("js/editor.js"))),
      dispatcher(make_dispatcher(*this)) {}

void editor_fixture::add_user(std::string const& name, http::role role, std::string const& password) {
    auto const change = editor.accounts.add("test", name, role, password, true);
    if (change.kind != editor::account_change::done) throw std::runtime_error("add_user " + name + ": " + change.problem);
}

std::string code_by_id(std::string const& html, std::string const& id) {
    auto const open = "<code id=\"" + id + "\">";
    auto const at = html.find(open);
    if (at == std::string::npos) return {};
    auto const start = at + open.size();
    return html.substr(start, html.find("</code>", start) - start);
}

http::response editor_client::send(request_builder& b) {
    b.header(http::field::accept_language, lang_);
    if (!cookie_.empty()) b.header(http::field::cookie, cookie_);
    auto res = answer(f_.dispatcher, b);
    f_.dispatcher.finish(b.context(), res);
    if (auto it = res.find(http::field::set_cookie); it != res.end()) {
        std::string const v(it->value());
        auto const pair = v.substr(0, v.find(';'));
        cookie_ = v.find("Max-Age=0") != std::string::npos ? std::string() : pair;
    }
    return res;
}

http::response editor_client::get(std::string_view target) {
    request_builder b(target);
    return send(b);
}

http::response editor_client::post(std::string_view target, form_fields fields, bool with_token,
                                   std::string_view origin) {
    if (with_token) fields.emplace_back("csrf", csrf());
    request_builder b(target, http::verb::post);
    if (!origin.empty()) b.header(http::field::origin, origin);
    b.form(encode_form(fields));
    return send(b);
}

http::response editor_client::post_upload(std::string_view target, form_fields fields,
                                          std::vector<http::uploaded_file> files, bool with_token,
                                          std::string_view origin) {
    if (with_token) fields.emplace_back("csrf", csrf());
    request_builder b(target, http::verb::post);
    if (!origin.empty()) b.header(http::field::origin, origin);
    b.header(http::field::content_type, "multipart/form-data; boundary=farol-test");
    b.context().form = std::move(fields);
    for (auto& f : files) b.context().add_file(std::move(f));
    return send(b);
}

std::string editor_client::csrf() const {
    if (cookie_.empty()) return {};
    http::request_context ctx;
    ctx.cookies = http::parse_cookies(cookie_);
    auto who = f_.editor.sessions.resolve(ctx);
    return who ? who->csrf_token : std::string();
}

http::response editor_client::sign_in(std::string const& name, std::string const& password) {
    return post("/editor/sign-in", {{"name", name}, {"password", password}}, !cookie_.empty());
}

} // namespace farol::test
