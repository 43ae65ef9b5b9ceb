#include "http/representation.hpp"

#include "http/wire.hpp"
#include "util/compress.hpp"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <catch2/catch.hpp>

using namespace farol::http;

namespace {
request_context ctx_with(std::initializer_list<std::pair<field, char const*>> headers) {
    request_context ctx;
    ctx.method = verb::get;
    for (auto const& [f, v] : headers) ctx.req.set(f, v);
    return ctx;
}
// The response as a client receives it: head serialized, body appended, parsed back.
boost::beast::http::response<boost::beast::http::string_body> on_wire(response const& r) {
    std::string wire;
    append_head(r, wire);
    wire += r.body().bytes.data;
    boost::beast::http::response_parser<boost::beast::http::string_body> p;
    p.eager(true);
    boost::beast::error_code ec;
    p.put(boost::asio::buffer(wire), ec);
    REQUIRE_FALSE(ec);
    REQUIRE(p.is_done());
    return p.release();
}
} // namespace

TEST_CASE("representations compress text once and keep binary as is", "[representation]") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "<p>Disque 100 — ligue de graça.</p>\n";
    auto rep = make_representation(shared_bytes::copy_of(text), "text/html; charset=utf-8", "no-cache");
    REQUIRE(rep.br);
    REQUIRE(rep.gzip);
    CHECK(farol::util::brotli_decompress(rep.br->bytes.data) == text);
    CHECK(farol::util::gzip_decompress(rep.gzip->bytes.data) == text);
    CHECK(rep.identity.etag != rep.br->etag);

    auto pdf = make_representation(shared_bytes::copy_of(text), "application/pdf", "");
    CHECK_FALSE(pdf.br);
    CHECK_FALSE(pdf.gzip);

    auto tiny = make_representation(shared_bytes::copy_of("hi"), "text/plain", "");
    CHECK_FALSE(tiny.br);
}

TEST_CASE("serve picks the variant, then applies 304 and ranges to it", "[representation]") {
    std::string text(5000, 'a');
    auto rep = make_representation(shared_bytes::copy_of(text), "text/plain; charset=utf-8", "no-cache");

    auto br = on_wire(serve(ctx_with({{field::accept_encoding, "br"}}), rep));
    CHECK(br.result() == status::ok);
    CHECK(br[field::content_encoding] == "br");
    CHECK(br[field::vary] == "Accept-Encoding");
    CHECK(br[field::cache_control] == "no-cache");
    CHECK(br[field::etag] == rep.br->etag);
    CHECK(br[field::accept_ranges] == "bytes");
    CHECK(br[field::content_type] == "text/plain; charset=utf-8");
    CHECK(farol::util::brotli_decompress(br.body()) == text);

    auto nm = on_wire(serve(ctx_with({{field::accept_encoding, "br"}, {field::if_none_match, rep.br->etag.c_str()}}), rep));
    CHECK(nm.result() == status::not_modified);
    CHECK(nm.body().empty());
    CHECK(nm[field::etag] == rep.br->etag);
    CHECK(nm[field::vary] == "Accept-Encoding");
    CHECK(nm.find(field::content_length) == nm.end());
    // The identity ETag does not validate the brotli variant.
    auto other = serve(ctx_with({{field::accept_encoding, "br"}, {field::if_none_match, rep.identity.etag.c_str()}}), rep);
    CHECK(other.result() == status::ok);

    auto part = on_wire(serve(ctx_with({{field::range, "bytes=0-9"}}), rep));
    CHECK(part.result() == status::partial_content);
    CHECK(part.body() == text.substr(0, 10));
    CHECK(part[field::content_range] == "bytes 0-9/5000");
    CHECK(part[field::content_length] == "10");

    auto none = on_wire(serve(ctx_with({{field::range, "bytes=9000-"}}), rep));
    CHECK(none.result() == status::range_not_satisfiable);
    CHECK(none[field::content_range] == "bytes */5000");
    CHECK(none.body().empty());
}
