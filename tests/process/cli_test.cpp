// The farol binary's command line as a user meets it: --help, refusing bad settings, and precedence.
#include "app/config.hpp"
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <regex>

using namespace farol::test;
using namespace std::chrono_literals;

namespace {

// `word` appears in `text` as a whole flag or variable name, not as part of a longer one.
bool mentions(std::string const& text, std::string const& word) {
    return std::regex_search(text, std::regex("(^|[^A-Za-z0-9_-])" + word + "([^A-Za-z0-9_-]|$)"));
}

// Ports that were free a moment ago: bound all at once so they differ, then released.
std::vector<std::uint16_t> free_ports(std::size_t n) {
    std::vector<int> fds;
    std::vector<std::uint16_t> ports;
    for (std::size_t i = 0; i < n; ++i) {
        int const fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        fds.push_back(fd);
        ports.push_back(ntohs(addr.sin_port));
    }
    for (int fd : fds) ::close(fd);
    return ports;
}

struct bad_setting {
    std::string what;
    std::vector<std::string> flags;
    std::vector<std::pair<std::string, std::string>> env;
    std::string toml;  // when not empty, written to a file passed with --config
    std::string named; // the message must contain this (the setting, or the file for a syntax error)
};

} // namespace

TEST_CASE("farol --help lists the subcommands", "[process][cli]") {
    process p({{"--help"}});
    REQUIRE(p.wait_for(5s) == 0);
    CHECK(mentions(p.out(), "serve"));
    CHECK(mentions(p.out(), "backup"));
    CHECK(mentions(p.out(), "report"));
    CHECK(p.err().empty());
}

TEST_CASE("serve --help and backup --help document every setting with its flag, variable and default",
          "[process][cli]") {
    for (std::string const sub : {"serve", "backup"}) {
        process p({{sub, "--help"}});
        REQUIRE(p.wait_for(5s) == 0);
        auto const text = p.out();
        INFO(sub << " --help:\n" << text);
        CHECK(mentions(text, "--config"));
        CHECK(mentions(text, "FAROL_CONFIG"));
        for (auto const& s : farol::app::describe_settings()) {
            INFO(s.key);
            CHECK(mentions(text, s.flag));
            CHECK(mentions(text, s.env));
            auto const shown_default = s.default_value.empty() ? std::string("\"\"") : s.default_value;
            CHECK(text.find("[" + s.env + "] (default: " + shown_default + ")") != std::string::npos);
        }
    }
}

TEST_CASE("an invalid setting exits 2 with one line naming it, before anything starts", "[process][cli]") {
    std::vector<bad_setting> const cases{
        {"port out of range", {"--listen-port", "70000"}, {}, "", "listen.port"},
        {"too many threads", {"--server-threads", "257"}, {}, "", "server.threads"},
        {"no workers", {"--server-workers", "0"}, {}, "", "server.workers"},
        {"address", {"--listen-address", "nope"}, {}, "", "listen.address"},
        {"environment", {}, {{"FAROL_LISTEN_PORT", "abc"}}, "", "FAROL_LISTEN_PORT"},
        {"file value", {}, {}, "[listen]\nport = 70000\n", "listen.port"},
        {"file syntax", {}, {}, "[listen\nport = 1\n", "farol.toml:1:"},
        {"unknown key", {}, {}, "[listen]\nprot = 8080\n", "listen.prot"},
        {"missing file", {}, {{"FAROL_CONFIG", "/nonexistent/farol.toml"}}, "", "/nonexistent/farol.toml"},
    };
    for (auto const& c : cases) {
        temp_dir dir, static_files;
        auto const data = dir.path() / "data";
        process_options o{{"serve", "--paths-data", data.string(), "--paths-static", static_files.path().string()},
                          c.env,
                          {}};
        o.args.insert(o.args.end(), c.flags.begin(), c.flags.end());
        if (!c.toml.empty()) {
            dir.write("farol.toml", c.toml);
            o.args.insert(o.args.end(), {"--config", (dir.path() / "farol.toml").string()});
        }
        process p(std::move(o));
        INFO(c.what);
        REQUIRE(p.wait_for(5s) == 2);
        auto const err = p.err();
        INFO("stderr: " << err);
        CHECK(std::count(err.begin(), err.end(), '\n') == 1);
        CHECK(err.back() == '\n');
        CHECK(err.rfind("farol: ", 0) == 0);
        CHECK(err.find(c.named) != std::string::npos);
        CHECK(p.out().empty());
        CHECK_FALSE(std::filesystem::exists(data)); // the store was never opened
    }
}

TEST_CASE("backup refuses an invalid setting the same way", "[process][cli]") {
    temp_dir dir;
    process p({{"backup", (dir.path() / "copy.db").string(), "--paths-data", dir.path().string(), "--timeouts-idle",
                "soon"}});
    REQUIRE(p.wait_for(5s) == 2);
    auto const err = p.err();
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    CHECK(err.find("timeouts.idle") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "copy.db"));
}

TEST_CASE("the port comes from the file, then the environment, then the flag", "[process][cli]") {
    auto const ports = free_ports(3);
    temp_dir conf;
    conf.write("farol.toml", "[listen]\nport = " + std::to_string(ports[0]) + "\n");
    auto const file = (conf.path() / "farol.toml").string();
    std::pair<std::string, std::string> const env{"FAROL_LISTEN_PORT", std::to_string(ports[1])};

    auto const served_port = [](farol_server::options o) {
        o.any_port = false;
        farol_server s(std::move(o));
        CHECK(get(s.port(), "/healthz").status == 200); // the logged port is the one really served
        s.proc().signal(SIGTERM);
        CHECK(s.proc().wait_for(5s) == 0);
        return s.port();
    };
    CHECK(served_port({.extra_args = {"--config", file}}) == ports[0]);
    CHECK(served_port({.env = {{"FAROL_CONFIG", file}}}) == ports[0]);
    CHECK(served_port({.extra_args = {"--config", file}, .env = {env}}) == ports[1]);
    CHECK(served_port({.extra_args = {"--config", file, "--listen-port", std::to_string(ports[2])}, .env = {env}}) ==
          ports[2]);
}
