#include "http/dispatcher.hpp"
#include "http/response.hpp"

#include <catch2/catch.hpp>

#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace farol::http;

namespace {
dispatcher make_dispatcher(farol::util::clock const& clock) {
    router r;
    r.get("/x", [](request_context const&) { return make_text(status::ok, "x"); });
    return dispatcher(std::move(r), {}, clock);
}
} // namespace

TEST_CASE("request ids are 15 hex digits and unique across threads", "[http]") {
    farol::util::system_clock clock;
    auto const d = make_dispatcher(clock);
    std::set<std::string> seen;
    std::mutex m;
    std::vector<std::thread> pool;
    for (int t = 0; t < 4; ++t)
        pool.emplace_back([&] {
            std::vector<std::string> mine;
            for (int i = 0; i < 3000; ++i) mine.push_back(d.next_request_id()); // crosses counter blocks
            std::lock_guard lock(m);
            seen.insert(mine.begin(), mine.end());
        });
    for (auto& t : pool) t.join();
    CHECK(seen.size() == 12000);
    for (auto const& id : seen) {
        REQUIRE(id.size() == 15);
        CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    }
}

TEST_CASE("the head as sent: the response's own headers, then security, Date, Server and the id", "[http]") {
    farol::util::fixed_clock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1795428000)));
    auto const d = make_dispatcher(clock);
    request_context ctx;
    ctx.request_id = "abc";
    auto res = make_text(status::ok, "hello");
    res.set(field::set_cookie, "id=1");
    d.finish(ctx, res);
    std::string head;
    d.write_head(ctx, res, true, head);
    CHECK(head.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n"
                           "Content-Security-Policy: "));
    CHECK(head.ends_with("Date: Mon, 23 Nov 2026 10:00:00 GMT\r\nServer: Farol\r\nX-Request-Id: abc\r\n\r\n"));
    CHECK(head.find("Set-Cookie") == std::string::npos);
    CHECK(head.find("X-Content-Type-Options: nosniff\r\n") != std::string::npos);
}
