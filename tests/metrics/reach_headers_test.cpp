#include "metrics/reach_headers.hpp"

#include "support/request_builder.hpp"

#include <catch2/catch.hpp>

using namespace farol;
using farol::test::request_builder;

TEST_CASE("reach headers: one pass finds each field's first line, whatever the name's case", "[reach][metrics]") {
    request_builder r("/pt-BR/");
    r.header(http::field::user_agent, "phone/1");
    r.header("SEC-CH-UA-MOBILE", "?1");
    r.header(http::field::referer, "https://example.org/a");
    r.header(http::field::referer, "https://example.org/b");
    r.header("x-moz", "prefetch");
    metrics::reach_headers const h(r.context().req);
    CHECK(h.user_agent == "phone/1");
    CHECK(h.sec_ch_ua_mobile == "?1");
    CHECK(h.referer == r.context().header(http::field::referer)); // the first, as header() gives it
    CHECK(h.x_moz == "prefetch");
    CHECK(h.has_prefetch_hint());
    CHECK(h.sec_purpose.data() == nullptr);
    request_builder plain("/pt-BR/");
    plain.header(http::field::user_agent, "phone/1");
    plain.header("Purpose-Not", "prefetch"); // a longer name is another field
    metrics::reach_headers const p(plain.context().req);
    CHECK_FALSE(p.has_prefetch_hint());
    CHECK(p.referer.empty());
}
