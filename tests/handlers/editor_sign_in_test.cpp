// The editor's door: sign-in, the one-time password, failures that say nothing, throttling, the
// second factor, and sessions that end when they should.
#include "editor/totp.hpp"
#include "handlers/editor_fixture.hpp"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <atomic>
#include <thread>

using namespace farol;
using namespace farol::test;
using namespace std::chrono_literals;
using http::field;
using http::status;

TEST_CASE("editor: the one-time password from `user add` must be changed, and the session is renewed", "[editor][sign-in]") {
    editor_fixture f;
    auto const added = f.editor.accounts.add("cli", "ana", http::role::admin);
    REQUIRE(added.kind == editor::account_change::done);
    REQUIRE(added.one_time_password.size() == 24);
    editor_client c(f);

    auto const first = c.sign_in("ana", added.one_time_password);
    CHECK(first.result() == status::see_other);
    CHECK(first[field::location] == "/editor/");
    auto const first_cookie = c.cookie();
    CHECK(first_cookie.starts_with("__Host-farol_session="));
    // Anything else sends the user to the password form first.
    auto const home = c.get("/editor/");
    CHECK(home.result() == status::see_other);
    CHECK(home[field::location] == "/editor/account/password");
    CHECK(c.post("/editor/users", {{"name", "x"}, {"role", "editor"}}).result() == status::forbidden);
    auto const form = c.get("/editor/account/password");
    CHECK(form.result() == status::ok);
    CHECK(contains(form, "one-time password"));

    auto const changed = c.post("/editor/account/password",
                                {{"current", added.one_time_password}, {"password", strong}, {"repeat", strong}});
    CHECK(changed.result() == status::see_other);
    CHECK(c.cookie() != first_cookie); // a new token after the change
    editor_client stale(f);
    stale.set_cookie(first_cookie);
    CHECK(stale.get("/editor/").result() == status::see_other); // the old token is dead
    auto const now_home = c.get("/editor/");
    CHECK(now_home.result() == status::ok);
    CHECK(contains(now_home, "Signed in as <strong>ana</strong>"));
    CHECK(now_home[field::cache_control] == "no-store");
    CHECK(now_home["X-Robots-Tag"] == "noindex, nofollow");
    CHECK(now_home["Referrer-Policy"] == "same-origin"); // so the browser's forms carry their Origin
}

TEST_CASE("editor: the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict, and development drops only Secure and the prefix", "[editor][sign-in]") {
    for (bool development : {false, true}) {
        auto settings = fast_editor_settings();
        settings.sessions.development_cookie = development;
        editor_fixture f(settings);
        f.add_user("ana", http::role::editor, strong);
        request_builder b("/editor/sign-in", http::verb::post);
        b.header(field::origin, "http://farol.test").form("name=ana&password=lighthouse+orbit+cashew+pillow");
        auto const res = answer(f.dispatcher, b);
        std::string const cookie(res[field::set_cookie]);
        INFO(cookie);
        CHECK(cookie.starts_with(development ? "farol_session=" : "__Host-farol_session="));
        CHECK(cookie.find("; Path=/") != std::string::npos);
        CHECK(cookie.find("; HttpOnly") != std::string::npos);
        CHECK(cookie.find("; SameSite=Strict") != std::string::npos);
        CHECK((cookie.find("; Secure") != std::string::npos) == !development);
        auto const token = cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
        CHECK(token.size() == 43); // 256 bits, base64url
    }
}

TEST_CASE("editor: an unknown name and a wrong password get the same status and page", "[editor][sign-in]") {
    editor_fixture f;
    f.add_user("ana", http::role::editor, strong);
    editor_client a(f), b(f);
    auto const wrong = a.sign_in("ana", "not the password at all");
    auto const unknown = b.sign_in("nobody", "not the password at all");
    CHECK(wrong.result() == status::unprocessable_entity);
    CHECK(unknown.result() == wrong.result());
    auto same = body_of(unknown);
    same.replace(same.find("value=\"nobody\""), 14, "value=\"ana\"");
    CHECK(same == body_of(wrong));
    CHECK(contains(wrong, "The user name or the password is wrong."));
    CHECK_FALSE(wrong.count(field::set_cookie));
    // A disabled account's right password is refused the same way.
    f.editor.accounts.set_disabled("test", *f.editor.accounts.find("ana"), true);
    editor_client d(f);
    auto const disabled = d.sign_in("ana", strong);
    CHECK(disabled.result() == status::unprocessable_entity);
    CHECK(body_of(disabled) == body_of(wrong));
}

TEST_CASE("editor: after five failures sign-in waits, twice as long each time, with Retry-After", "[editor][sign-in]") {
    editor_fixture f;
    f.add_user("ana", http::role::editor, strong);
    editor_client c(f);
    for (int i = 0; i < 5; ++i) CHECK(c.sign_in("ana", "wrong wrong wrong").result() == status::unprocessable_entity);
    auto const blocked = c.sign_in("ana", strong); // even the right password waits
    CHECK(blocked.result() == status::too_many_requests);
    CHECK(blocked[field::retry_after] == "1");
    CHECK(contains(blocked, "Wait 1 seconds"));
    f.clock().advance(1s);
    CHECK(c.sign_in("ana", "wrong again, sadly").result() == status::unprocessable_entity);
    CHECK(c.sign_in("ana", strong)[field::retry_after] == "2");
    f.clock().advance(2s);
    CHECK(c.sign_in("ana", strong).result() == status::see_other);
    auto const log = f.editor.audit.list({});
    CHECK(std::count_if(log.begin(), log.end(), [](auto const& e) { return e.outcome == "throttled"; }) == 2);
}

TEST_CASE("editor: sessions end after 30 minutes idle and after 12 hours in all", "[editor][sessions]") {
    editor_fixture f;
    f.add_user("ana", http::role::editor, strong);
    editor_client c(f);
    REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    f.clock().advance(29min);
    CHECK(c.get("/editor/").result() == status::ok); // renews the idle time
    f.clock().advance(29min);
    CHECK(c.get("/editor/").result() == status::ok);
    f.clock().advance(30min);
    auto const idle = c.get("/editor/account");
    CHECK(idle.result() == status::see_other);
    CHECK(idle[field::location] == "/editor/sign-in?next=%2Feditor%2Faccount");

    REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    for (int i = 0; i < 11 * 4 + 3; ++i) { // busy every 15 minutes for 11 h 45 min
        f.clock().advance(15min);
        REQUIRE(c.get("/editor/").result() == status::ok);
    }
    f.clock().advance(15min);
    CHECK(c.get("/editor/").result() == status::see_other);
    CHECK(f.editor.sessions.of_user(f.editor.accounts.find("ana")->id).empty());
}

TEST_CASE("editor: signing out ends the session on the server, and each user can end its other sessions", "[editor][sessions]") {
    editor_fixture f;
    f.add_user("ana", http::role::editor, strong);
    editor_client laptop(f), phone(f);
    REQUIRE(laptop.sign_in("ana", strong).result() == status::see_other);
    REQUIRE(phone.sign_in("ana", strong).result() == status::see_other);
    auto const page = laptop.get("/editor/account");
    CHECK(contains(page, "this session"));
    auto const sessions = f.editor.sessions.of_user(f.editor.accounts.find("ana")->id);
    REQUIRE(sessions.size() == 2);
    auto const phone_id = std::to_string(sessions.front().id); // newest first
    CHECK(laptop.post("/editor/account/sessions/" + phone_id + "/end", {}).result() == status::see_other);
    CHECK(phone.get("/editor/").result() == status::see_other);
    auto const kept = laptop.cookie();
    auto const out = laptop.post("/editor/sign-out", {});
    CHECK(out[field::location] == "/editor/sign-in?signed_out=1");
    CHECK(laptop.cookie().empty());
    editor_client replay(f);
    replay.set_cookie(kept);
    CHECK(replay.get("/editor/").result() == status::see_other);
    CHECK(f.editor.audit.list({.action = "session.end"}).size() == 1);
    CHECK(f.editor.audit.list({.action = "sign_out"}).size() == 1);
}

TEST_CASE("editor: a cookie from before sign-in is never kept (no session fixation)", "[editor][sessions]") {
    editor_fixture f;
    f.add_user("ana", http::role::editor, strong);
    f.add_user("rui", http::role::editor, strong);
    editor_client c(f);
    auto const planted = "__Host-farol_session=" + std::string(43, 'A');
    c.set_cookie(planted);
    REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    CHECK(c.cookie() != planted);
    // Signing in again, as someone else, ends the session that was there.
    auto const ana = c.cookie();
    c.post("/editor/sign-in", {{"name", "rui"}, {"password", strong}});
    CHECK(c.cookie() != ana);
    CHECK(contains(c.get("/editor/"), "<strong>rui</strong>"));
    editor_client old(f);
    old.set_cookie(ana);
    CHECK(old.get("/editor/").result() == status::see_other);
}

TEST_CASE("editor: when every hashing slot and queue place is taken, sign-in answers 503 with Retry-After", "[editor][sign-in]") {
    auto settings = fast_editor_settings();
    settings.hashing.opslimit = 4;
    settings.hashing.memlimit = 64u << 20; // long enough to be caught in the slot
    settings.hashing.concurrent = 1;
    settings.hashing.queue = 0;
    editor_fixture f(settings);
    f.add_user("ana", http::role::editor, strong);
    std::atomic<bool> first_done{false};
    std::thread first([&] {
        editor_client c(f);
        c.sign_in("ana", strong);
        first_done = true;
    });
    while (f.editor.hasher.running() == 0 && !first_done) std::this_thread::yield();
    editor_client second(f);
    auto const busy = second.sign_in("ana", strong);
    first.join();
    if (busy.result() == status::see_other) {
        WARN("the first hash ended before the second sign-in came: nothing to measure");
        return;
    }
    CHECK(busy.result() == status::service_unavailable);
    CHECK(busy[field::retry_after] == "5");
    CHECK(contains(busy, "The server is busy."));
}

TEST_CASE("editor: two-step verification with RFC 6238 codes, no replays, and one-time recovery codes", "[editor][totp]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    editor_client c(f);
    REQUIRE(c.sign_in("ana", strong).result() == status::see_other);
    auto const enrol = c.get("/editor/account/two-step");
    REQUIRE(enrol.result() == status::ok);
    auto const html = body_of(enrol);
    CHECK(html.find("<svg") != std::string::npos);
    auto const at = html.find("name=\"secret\" value=\"") + 21;
    auto const secret_hex = html.substr(at, 40);
    std::string secret(20, '\0');
    REQUIRE(sodium_hex2bin(reinterpret_cast<unsigned char*>(secret.data()), 20, secret_hex.data(), 40, nullptr, nullptr, nullptr) == 0);
    auto const step = editor::totp_step(f.clock().now());
    CHECK(c.post("/editor/account/two-step", {{"secret", secret_hex}, {"code", "000000"}}).result() ==
          status::unprocessable_entity);
    auto const done = c.post("/editor/account/two-step", {{"secret", secret_hex}, {"code", editor::totp_code(secret, step)}});
    REQUIRE(done.result() == status::ok);
    auto const codes_html = body_of(done);
    auto const first_code = codes_html.substr(codes_html.find("<li><code>") + 10, 11);
    CHECK(std::count(codes_html.begin(), codes_html.end(), '\n') > 10);

    editor_client d(f);
    auto const password = d.sign_in("ana", strong);
    CHECK(password[field::location] == "/editor/sign-in/code");
    CHECK(d.get("/editor/").result() == status::see_other); // half signed in is not signed in
    // The code just used for enrolment is not accepted again.
    CHECK(d.post("/editor/sign-in/code", {{"code", editor::totp_code(secret, step)}}).result() ==
          status::unprocessable_entity);
    f.clock().advance(30s);
    auto const before = d.cookie();
    auto const ok = d.post("/editor/sign-in/code", {{"code", editor::totp_code(secret, step + 1)}});
    CHECK(ok.result() == status::see_other);
    CHECK(d.cookie() != before); // a new token once the second factor is in
    CHECK(d.get("/editor/").result() == status::ok);

    editor_client e(f);
    e.sign_in("ana", strong);
    CHECK(e.post("/editor/sign-in/code", {{"code", first_code}}).result() == status::see_other);
    editor_client g(f);
    g.sign_in("ana", strong);
    CHECK(g.post("/editor/sign-in/code", {{"code", first_code}}).result() == status::unprocessable_entity);
    CHECK(f.editor.second_factor.recovery_codes_left(f.editor.accounts.find("ana")->id) == 9);
}

TEST_CASE("editor: when admins must have a second factor, an admin without one is sent to enrol", "[editor][totp]") {
    editor_fixture f;
    f.add_user("ana", http::role::admin, strong);
    f.add_user("rui", http::role::editor, strong);
    editor_client admin(f), editor(f);
    REQUIRE(admin.sign_in("ana", strong).result() == status::see_other);
    auto const before = body_of(admin.get("/editor/settings"));
    CHECK(before.find("name=\"admins_need_second_factor\" value=\"1\" aria-describedby") != std::string::npos); // unchecked
    CHECK(admin.post("/editor/settings", {{"admins_need_second_factor", "1"}}).result() == status::see_other);
    CHECK(f.editor.audit.list({.action = "settings.change"}).size() == 1);
    auto const sent = admin.get("/editor/users");
    CHECK(sent.result() == status::see_other);
    CHECK(sent[field::location] == "/editor/account/two-step");
    auto const page = admin.get("/editor/account/two-step");
    CHECK(contains(page, "Administrators must use two-step verification"));
    REQUIRE(editor.sign_in("rui", strong).result() == status::see_other);
    CHECK(editor.get("/editor/").result() == status::ok); // only admins
}

TEST_CASE("editor: an unknown name takes as long to refuse as a wrong password (medians within 20 %)", "[editor][sign-in][timing]") {
    auto settings = fast_editor_settings();
    settings.hashing.opslimit = 2;
    settings.hashing.memlimit = 8u << 20; // enough work to measure, little enough to be quick
    settings.throttle.name_failures = settings.throttle.address_failures = 100000;
    editor_fixture f(settings);
    f.add_user("ana", http::role::editor, strong);
    auto const timed = [&](char const* name) {
        editor_client c(f);
        auto const start = std::chrono::steady_clock::now();
        auto const res = c.sign_in(name, "not the password at all");
        REQUIRE(res.result() == status::unprocessable_entity);
        return std::chrono::steady_clock::now() - start;
    };
    auto const median = [](std::vector<std::chrono::steady_clock::duration> v) {
        std::sort(v.begin(), v.end());
        return std::chrono::duration<double>(v[v.size() / 2]).count();
    };
    // A shared machine is noisy: a real difference shows in every round, noise does not.
    bool close = false;
    for (int round = 0; round < 5 && !close; ++round) {
        std::vector<std::chrono::steady_clock::duration> wrong, unknown;
        for (int i = 0; i < 15; ++i) {
            wrong.push_back(timed("ana"));
            unknown.push_back(timed("nobody"));
        }
        auto const a = median(wrong), b = median(unknown);
        INFO("wrong password " << a * 1000 << " ms, unknown name " << b * 1000 << " ms");
        close = std::abs(a - b) <= 0.2 * std::max(a, b);
    }
    CHECK(close);
}
