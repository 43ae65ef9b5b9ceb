// `farol user` as a second process next to a running server: the first admin, and an account
// disabled from the command line loses its open session at once.
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace farol::test;
using namespace std::chrono_literals;

namespace {

std::string run_user(farol_server const& s, std::vector<std::string> args, int expected = 0) {
    args.insert(args.begin(), "user");
    args.push_back("--paths-data");
    args.push_back(s.data_dir().path().string());
    args.push_back("--paths-templates");
    args.push_back(std::string(FAROL_SOURCE_DIR) + "/templates");
    process p({args});
    REQUIRE(p.wait_for(20s) == expected);
    return p.out() + p.err();
}

reply sign_in(farol_server const& s, std::string const& name, std::string const& password) {
    auto const body = "name=" + name + "&password=" + password;
    return request(s.port(), "POST /editor/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n"
                             "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

} // namespace

TEST_CASE("farol user add prints a one-time password that signs in to the running server", "[process][user]") {
    farol_server s({.extra_args = {"--editor-development-cookie", "1"}});
    auto const hint = s.proc().wait_for_line(std::regex("farol user add NAME --role admin"), 5s);
    CHECK(hint); // a fresh server says how to make the first admin

    auto const added = run_user(s, {"add", "ana", "--role", "admin"});
    std::smatch m;
    REQUIRE(std::regex_search(added, m, std::regex("one-time password: ([a-z2-9-]{24})")));
    auto const password = m[1].str();
    CHECK(run_user(s, {"add", "ANA", "--role", "editor"}, 1).find("There is already an account with that name.") != std::string::npos);
    CHECK(run_user(s, {"add", "rui", "--role", "root"}, 2).find("--role must be") != std::string::npos);
    CHECK(run_user(s, {"list"}).find("ana                     admin     new") != std::string::npos);

    auto const signed_in = sign_in(s, "ana", password);
    REQUIRE(signed_in.status == 303);
    auto const cookie = signed_in.header("set-cookie").substr(0, signed_in.header("set-cookie").find(';'));
    CHECK(cookie.starts_with("farol_session="));
    auto const first = get(s.port(), "/editor/account/password", "Cookie: " + cookie + "\r\n");
    CHECK(first.status == 200);

    CHECK(run_user(s, {"disable", "ana"}).find("its sessions have ended") != std::string::npos);
    auto const after = get(s.port(), "/editor/account/password", "Cookie: " + cookie + "\r\n");
    CHECK(after.status == 303);
    CHECK(after.header("location").starts_with("/editor/sign-in?next="));
    CHECK(sign_in(s, "ana", password).status == 422);
    CHECK(run_user(s, {"enable", "ana"}).find("enabled ana") != std::string::npos);
    auto const reset = run_user(s, {"reset-password", "ana"});
    REQUIRE(std::regex_search(reset, m, std::regex("one-time password for ana: ([a-z2-9-]{24})")));
    CHECK(sign_in(s, "ana", password).status == 422);
    CHECK(sign_in(s, "ana", m[1].str()).status == 303);
    CHECK(run_user(s, {"reset-mfa", "ana"}).find("removed two-step verification") != std::string::npos);
    CHECK(run_user(s, {"disable", "nobody"}, 1).find("no account named nobody") != std::string::npos);
}
