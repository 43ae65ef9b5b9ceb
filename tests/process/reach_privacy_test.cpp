// The privacy rule of issue 12, end to end: readers from 253 addresses with distinctive user-agents
// and referrers, then every file the server wrote (database, WAL, logs, a backup) and every report
// exported from it (CSV, JSON, table) is searched for them.
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace farol::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr char const* slug = "reconhecer-o-trafico";

std::string user_agent(unsigned host) {
    return "Mozilla/5.0 (Linux; Android 14; FarolPrivacyProbe-" + std::to_string(host) + ") Mobile Safari/537.36";
}
std::string referrer(unsigned host) {
    return "https://probe-" + std::to_string(host) + ".example.net/private/path-" + std::to_string(host) + "?who=me";
}
std::string forwarded(unsigned host) { return "198.51.100." + std::to_string(host); }
std::string loopback(unsigned host) { return "127.0.0." + std::to_string(host); }

std::string read_all(fs::path const& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Whether `text` holds `address` as a whole address (127.0.0.2 is not found in 127.0.0.25).
bool holds_address(std::string const& text, std::string const& address) {
    for (auto at = text.find(address); at != std::string::npos; at = text.find(address, at + 1)) {
        auto const end = at + address.size();
        if (end == text.size() || !std::isdigit(static_cast<unsigned char>(text[end]))) return true;
    }
    return false;
}

// Every reader detail found in any regular file under `dirs`, as "file: what".
std::vector<std::string> leaks(std::vector<fs::path> const& dirs) {
    std::vector<std::string> found;
    for (auto const& dir : dirs) {
        for (auto const& entry : fs::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file()) continue;
            auto const text = read_all(entry.path());
            if (text.find("FarolPrivacyProbe") != std::string::npos) found.push_back(entry.path().string() + ": a user-agent");
            if (text.find("example.net") != std::string::npos) found.push_back(entry.path().string() + ": a referrer");
            for (unsigned host = 2; host <= 254; ++host) {
                if (holds_address(text, loopback(host)) || holds_address(text, forwarded(host)))
                    found.push_back(entry.path().string() + ": address of reader " + std::to_string(host));
            }
        }
    }
    return found;
}

} // namespace

TEST_CASE("reach privacy: no reader's address, user-agent or referrer reaches any file", "[process][reach][privacy]") {
    temp_dir logs, out;
    // The error log is stderr (checked at the end); the access log a file.
    farol_server s({.extra_args = {"--metrics-flush-interval", "100ms", "--proxy-trusted", "127.0.0.0/8"},
                    .bundles = sample_campaigns(),
                    .access_log = (logs.path() / "access.log").string()});
    auto const page = std::string("/pt-BR/c/") + slug;
    auto const first = get(s.port(), page);
    REQUIRE(first.status == 200);
    auto const material = first.body.substr(first.body.find("href=\"/m/") + 6);
    auto const file = material.substr(0, material.find('"'));
    for (unsigned host = 2; host <= 254; ++host) {
        auto headers = "User-Agent: " + user_agent(host) + "\r\nReferer: " + referrer(host) + "\r\n";
        if (host % 2 == 0) headers += "X-Forwarded-For: " + forwarded(host) + "\r\n"; // believed: 127/8 is trusted
        CHECK(get_from(host, s.port(), page + (host % 3 == 0 ? "?src=qr" : ""), headers).status == 200);
        if (host % 5 == 0) CHECK(get_from(host, s.port(), file, headers).status == 200);
        if (host % 7 == 0) CHECK(get_from(host, s.port(), page + "/share/whatsapp", headers).status == 303);
        if (host % 11 == 0) CHECK(get_from(host, s.port(), "/pt-BR/search?q=probe-" + std::to_string(host), headers).status == 200);
        if (host % 13 == 0) CHECK(get_from(host, s.port(), "/no/such/page", headers).status == 404);
    }
    // While it runs: the database and its WAL after a few flushes.
    std::this_thread::sleep_for(400ms);
    auto const running = leaks({s.data_dir().path(), logs.path()});
    CHECK(running.empty());
    for (auto const& l : running) UNSCOPED_INFO(l);

    process backup({{"backup", (out.path() / "copy.db").string(), "--paths-data", s.data_dir().path().string()}});
    REQUIRE(backup.wait_for(10s) == 0);
    s.proc().signal(SIGTERM);
    REQUIRE(s.proc().wait_for(10s) == 0);

    // The counts are there: the test searched real data, not an empty database.
    SQLite::Database db((s.data_dir().path() / "farol.db").string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT sum(count) FROM reach_daily WHERE event = 'view' AND campaign = '" +
                        std::string(slug) + "'").getInt64() == 254);
    CHECK(db.execAndGet("SELECT sum(readers) FROM reach_readers WHERE campaign = '" + std::string(slug) + "'")
              .getInt64() > 100);
    CHECK(fs::file_size(logs.path() / "access.log") > 0);

    // Every report format, as an operator would export it, into the searched directory.
    auto const today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    auto const day = [](std::chrono::sys_days d) {
        std::chrono::year_month_day const ymd{d};
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        return std::string(text);
    };
    for (auto const* format : {"csv", "json", "table"}) {
        for (auto const* by : {"campaign,language,source,device", "day,campaign,language", "event,source"}) {
            process report({{"report", "--from", day(today - std::chrono::days(2)), "--to", day(today + std::chrono::days(1)),
                             "--by", by, "--format", format, "--event", "view,download,share,preview", "--paths-data",
                             s.data_dir().path().string()}});
            REQUIRE(report.wait_for(10s) == 0);
            // Real figures, not an empty report.
            CHECK(report.out().find(std::string(by).starts_with("event") ? "view" : slug) != std::string::npos);
            std::ofstream(out.path() / (std::string(by) + "." + format), std::ios::binary) << report.out() << report.err();
        }
    }

    auto const stopped = leaks({s.data_dir().path(), logs.path(), out.path()});
    CHECK(stopped.empty());
    for (auto const& l : stopped) UNSCOPED_INFO(l);
    CHECK(s.proc().err().find("FarolPrivacyProbe") == std::string::npos);
    CHECK(s.proc().out().find("FarolPrivacyProbe") == std::string::npos);
}

TEST_CASE("reach privacy: a serving farol writes no core dump, which would hold readers' details",
          "[process][reach][privacy]") {
    farol_server server({.max_core_bytes = 1ul << 30}); // started allowed to dump, as a shell's ulimit -c may
    auto const limits = read_all("/proc/" + std::to_string(server.proc().pid()) + "/limits");
    auto const line = limits.find("Max core file size");
    REQUIRE(line != std::string::npos);
    std::istringstream fields(limits.substr(line + std::string_view("Max core file size").size()));
    std::string soft, hard;
    fields >> soft >> hard;
    CHECK(soft == "0");
    CHECK(hard == "0");
}
