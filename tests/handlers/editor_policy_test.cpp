// The route policy, walked over the real route table: every editor route wants a session, every
// state change wants the session's token and our own origin, roles are enforced, and no route
// outside the editor ever sets a cookie.
#include "handlers/editor_fixture.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

namespace {

// A target for a pattern: each {param} replaced by a plausible value.
std::string target_of(http::route const& r) {
    std::string out;
    for (auto const& s : r.segments) {
        out += '/';
        if (s.kind == http::route::segment::literal) out += s.text;
        else if (s.text == "lang") out += "pt-BR";
        else if (s.text == "name") out += "ana";
        else out += "1";
    }
    if (r.pattern.ends_with('/') && !out.ends_with('/')) out += '/';
    return out.empty() ? "/" : out;
}
} // namespace

TEST_CASE("editor policy: every editor route refuses a request without a session", "[editor][policy]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    std::size_t walked = 0;
    for (auto const& r : f.dispatcher.routes().routes()) {
        if (r.area != http::area::editor || r.options.anonymous) continue;
        ++walked;
        editor_client c(f);
        auto const target = target_of(r);
        INFO(r.pattern << " as " << target);
        if (r.method == http::verb::get) {
            auto const res = c.get(target);
            CHECK(res.result() == status::see_other);
            CHECK(std::string(res[field::location]).starts_with("/editor/sign-in?next="));
        } else {
            auto const res = c.post(target, {{"csrf", "guess"}}, false);
            CHECK(res.result() == status::forbidden);
            CHECK(body_of(res).find("not signed in") != std::string::npos);
        }
    }
    CHECK(walked >= 15);
}

TEST_CASE("editor policy: every state change needs the session's CSRF token and our own origin", "[editor][policy]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    editor_client c(f);
    REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    std::size_t walked = 0;
    for (auto const& r : f.dispatcher.routes().routes()) {
        if (r.area != http::area::editor || r.method == http::verb::get || r.method == http::verb::head) continue;
        ++walked;
        auto const target = target_of(r);
        INFO(r.pattern << " as " << target);
        bool const upload = r.options.body == http::body_kind::file_stream;
        auto const send = [&](form_fields fields, bool with_token, std::string_view origin = "http://farol.test") {
            return upload ? c.post_upload(target, std::move(fields), {}, with_token, origin)
                          : c.post(target, std::move(fields), with_token, origin);
        };
        auto const no_token = send({}, false);
        CHECK(no_token.result() == status::forbidden);
        auto const wrong_token = send({{"csrf", std::string(43, 'A')}}, false);
        CHECK(wrong_token.result() == status::forbidden);
        auto const foreign = send({}, true, "https://evil.example");
        CHECK(foreign.result() == status::forbidden);
        CHECK(body_of(foreign).find("another site") != std::string::npos);
        auto const no_origin = send({}, true, "");
        CHECK(no_origin.result() == status::forbidden);
        CHECK(send({}, true, "null").result() == status::forbidden);
        REQUIRE(c.get("/editor/").result() == status::ok); // none of that ended or changed the session
    }
    CHECK(walked >= 10);
    // Fetch metadata: a cross-site request is refused even when its Origin was stripped.
    request_builder b("/editor/settings", http::verb::post);
    b.header(field::cookie, c.cookie()).header("Sec-Fetch-Site", "cross-site").form("csrf=" + c.csrf());
    CHECK(answer(f.dispatcher, b).result() == status::forbidden);
    request_builder same("/editor/settings", http::verb::post);
    same.header(field::cookie, c.cookie()).header("Sec-Fetch-Site", "same-origin").form("csrf=" + c.csrf());
    CHECK(answer(f.dispatcher, same).result() == status::see_other);
}

TEST_CASE("editor policy: no route outside the editor sets a cookie, even when its handler tries", "[editor][policy]") {
    editor_fixture f;
    std::size_t walked = 0;
    for (auto const& r : f.dispatcher.routes().routes()) {
        if (http::policy_of(r.area).sets_cookies) continue;
        ++walked;
        request_builder b(target_of(r), r.method);
        b.header(field::cookie, "__Host-farol_session=x; tracking=1");
        auto res = answer(f.dispatcher, b);
        res.set(field::set_cookie, "planted=1"); // as if the handler had set one
        f.dispatcher.finish(b.context(), res);
        INFO(r.pattern);
        CHECK_FALSE(res.count(field::set_cookie));
        CHECK(b.context().cookies.empty()); // a reader's cookies are not even read
    }
    CHECK(walked >= 10);
}

TEST_CASE("editor policy: roles decide who may manage users, read the audit log and change settings", "[editor][policy]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    f.add_user("rui", http::role::editor, strong);
    f.add_user("lia", http::role::analyst, strong);
    for (auto const* name : {"rui", "lia"}) {
        editor_client c(f);
        REQUIRE(c.sign_in(name, strong).result() == status::see_other);
        INFO(name);
        CHECK(c.get("/editor/").result() == status::ok);
        CHECK(c.get("/editor/account").result() == status::ok);
        for (auto const* path : {"/editor/users", "/editor/users/ana", "/editor/audit", "/editor/audit.csv", "/editor/settings"}) {
            auto const res = c.get(path);
            INFO(path);
            CHECK(res.result() == status::forbidden);
            CHECK(body_of(res).find("Your role does not allow this.") != std::string::npos);
        }
        CHECK(c.post("/editor/users/ana/disable", {}).result() == status::forbidden);
        CHECK(body_of(c.get("/editor/")).find("/editor/users") == std::string::npos); // not even offered
    }
    CHECK_FALSE(f.editor.accounts.find("ana")->disabled);
}
