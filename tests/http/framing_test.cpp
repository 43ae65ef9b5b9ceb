#include "http/framing.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;
using header = boost::beast::http::request_header<>;

namespace {
header make(unsigned version, std::initializer_list<std::pair<char const*, char const*>> fields) {
    header h;
    h.version(version);
    for (auto const& [k, v] : fields) h.insert(k, v);
    return h;
}
} // namespace

TEST_CASE("unambiguous framing passes", "[framing]") {
    CHECK_FALSE(ambiguous_framing(make(11, {})));
    CHECK_FALSE(ambiguous_framing(make(11, {{"Content-Length", "10"}})));
    CHECK_FALSE(ambiguous_framing(make(11, {{"Transfer-Encoding", "chunked"}})));
    CHECK_FALSE(ambiguous_framing(make(11, {{"Transfer-Encoding", "Chunked"}})));
    CHECK_FALSE(ambiguous_framing(make(10, {{"Content-Length", "0"}})));
}

TEST_CASE("ambiguous framing is named", "[framing]") {
    CHECK(ambiguous_framing(make(11, {{"Transfer-Encoding", "gzip, chunked"}})));
    CHECK(ambiguous_framing(make(11, {{"Transfer-Encoding", "chunked, chunked"}})));
    CHECK(ambiguous_framing(make(11, {{"Transfer-Encoding", "identity"}})));
    CHECK(ambiguous_framing(make(11, {{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}})));
    CHECK(*ambiguous_framing(make(11, {{"Transfer-Encoding", "chunked"}, {"Content-Length", "3"}})) ==
          "Transfer-Encoding together with Content-Length");
    CHECK(*ambiguous_framing(make(11, {{"Content-Length", "3"}, {"Content-Length", "3"}})) == "repeated Content-Length");
    CHECK(ambiguous_framing(make(11, {{"Content-Length", "3, 3"}})));
    CHECK(ambiguous_framing(make(11, {{"Content-Length", "-1"}})));
    CHECK(*ambiguous_framing(make(10, {{"Transfer-Encoding", "chunked"}})) ==
          "Transfer-Encoding is not allowed in HTTP/1.0");
}
