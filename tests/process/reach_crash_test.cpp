// Issue 12's crash test: kill -9 during traffic loses at most the last flush interval, and the
// database comes back intact.
#include "process/farol_server.hpp"
#include "support/raw_client.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

using namespace farol::test;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

TEST_CASE("reach crash: kill -9 mid-traffic keeps the database whole and all but the last interval",
          "[process][reach]") {
    constexpr auto interval = 200ms;
    farol_server s({.extra_args = {"--metrics-flush-interval", "200ms"}, .bundles = sample_campaigns()});
    auto const page = std::string("/pt-BR/c/reconhecer-o-trafico");
    REQUIRE(get(s.port(), page, "User-Agent: curl-like-probe/1\r\n").status == 200);

    // Two readers' loops; each answered view is stamped with when its answer arrived.
    std::mutex mutex;
    std::vector<steady::time_point> answered;
    std::atomic<bool> stop{false};
    auto const reader = [&](unsigned host) {
        while (!stop) {
            try {
                auto const r = get_from(host, s.port(), page, "User-Agent: Mozilla/5.0 (Android 14) Mobile\r\n");
                if (r.status != 200) continue;
                std::lock_guard lock(mutex);
                answered.push_back(steady::now());
            } catch (std::exception const&) { // the server is gone
                return;
            }
        }
    };
    std::thread a(reader, 2), b(reader, 3);
    std::this_thread::sleep_for(1500ms);
    auto const killed_at = steady::now();
    s.proc().signal(SIGKILL);
    stop = true;
    a.join();
    b.join();
    REQUIRE(s.proc().wait_for(5s) == 128 + SIGKILL);

    SQLite::Database db((s.data_dir().path() / "farol.db").string(), SQLite::OPEN_READWRITE);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    auto const stored = static_cast<std::size_t>(
        db.execAndGet("SELECT ifnull(sum(count), 0) FROM reach_daily WHERE event = 'view'").getInt64());
    // Views answered more than one interval (plus a flush's own time on a busy machine) before the
    // kill were written; nothing is counted twice or invented.
    auto const settled = std::count_if(answered.begin(), answered.end(),
                                       [&](auto t) { return t < killed_at - interval - 150ms; });
    INFO("answered " << answered.size() << ", settled " << settled << ", stored " << stored);
    CHECK(answered.size() > 20);
    CHECK(stored >= static_cast<std::size_t>(settled));
    CHECK(stored <= answered.size() + 2); // +2: requests the kill cut after counting, before the answer arrived

    // A restart on the same data serves and counts again.
    process again({[&] {
        auto args = serve_args(s.data_dir(), s.static_dir());
        args.insert(args.end(), {"--listen-port", "0"});
        return args;
    }()});
    auto const port = again.listening_port();
    CHECK(get(port, page).status == 200);
    again.signal(SIGTERM);
    CHECK(again.wait_for(10s) == 0);
}
