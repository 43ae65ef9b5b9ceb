#include "net/http_session.hpp"

#include <catch2/catch.hpp>

TEST_CASE("a session object stays small: it is most of what an idle connection costs", "[net][memory]") {
    // Idle cost: this object and its shared_ptr control block, Asio's reactor entry (~170 B), the
    // registry entry (~60 B) and the pending wait (~100 B); scripts/bench idle-10k budgets 2 KiB.
    // Per-request state that is large (the parser, buffers) lives on the heap only while busy.
    INFO("sizeof(http_session) = " << sizeof(farol::net::http_session));
    CHECK(sizeof(farol::net::http_session) <= 1024);
}
