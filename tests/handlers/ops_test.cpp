// Handlers without sockets: the operators' routes.
#include "handlers/ops.hpp"
#include "support/request_builder.hpp"
#include "support/test_server.hpp"

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace farol;
using namespace farol::test;
using http::field;
using http::status;

TEST_CASE("ops: healthz reports uptime from the injected clock, readyz follows readiness", "[handlers][ops]") {
    util::fixed_clock clock(test_epoch());
    bool ready = false;
    http::router r;
    auto ops = r.area(http::area::ops);
    handlers::ops::mount(ops, {clock, clock.now(), [&] { return ready; }, [] { return std::string("m 1\n"); }});
    http::dispatcher d(std::move(r), {}, clock);
    clock.advance(std::chrono::seconds(90));

    request_builder health("/healthz");
    auto const h = answer(d, health);
    CHECK(h.result() == status::ok);
    CHECK(h[field::cache_control] == "no-store");
    auto const json = boost::json::parse(body_of(h)).as_object();
    CHECK(json.at("uptime_seconds").as_int64() == 90);

    request_builder starting("/readyz");
    CHECK(answer(d, starting).result() == status::service_unavailable);
    ready = true;
    request_builder up("/readyz");
    CHECK(answer(d, up).result() == status::ok);

    request_builder metrics("/metrics");
    CHECK(body_of(answer(d, metrics)) == "m 1\n");
}
