#include "http/representation.hpp"

#include "http/conditional.hpp"
#include "http/http_error.hpp"
#include "http/wire.hpp"
#include "util/compress.hpp"
#include "util/hash.hpp"

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

TEST_CASE("preconditions run in RFC 9110 13.2.2's order on every representation", "[representation][preconditions]") {
    std::string bytes(5000, '\x01');
    auto rep = make_representation(shared_bytes::copy_of(bytes), "application/pdf", "public, max-age=31536000, immutable");
    auto const& etag = rep.identity.etag;
    auto const status_of = [&](std::initializer_list<std::pair<field, char const*>> h) {
        try {
            return serve(ctx_with(h), rep).result();
        } catch (farol::http::http_error const& e) {
            return e.code();
        }
    };
    // If-Match: strong comparison, a list, "*"; a failure is 412 even with a Range.
    CHECK(status_of({{field::if_match, "\"nope\""}}) == status::precondition_failed);
    CHECK(status_of({{field::if_match, "\"nope\""}, {field::range, "bytes=0-9"}}) == status::precondition_failed);
    CHECK(status_of({{field::if_match, ("W/" + etag).c_str()}}) == status::precondition_failed);
    CHECK(status_of({{field::if_match, etag.c_str()}}) == status::ok);
    CHECK(status_of({{field::if_match, ("\"a\", " + etag).c_str()}, {field::range, "bytes=0-9"}}) == status::partial_content);
    CHECK(status_of({{field::if_match, "*"}}) == status::ok);
    // If-Match is evaluated before If-None-Match.
    CHECK(status_of({{field::if_match, "\"nope\""}, {field::if_none_match, etag.c_str()}}) == status::precondition_failed);
    // If-None-Match wins over Range; If-Range decides between the part and the whole.
    CHECK(status_of({{field::if_none_match, etag.c_str()}, {field::range, "bytes=0-9"}}) == status::not_modified);
    CHECK(status_of({{field::if_range, etag.c_str()}, {field::range, "bytes=0-9"}}) == status::partial_content);
    CHECK(status_of({{field::if_range, "\"old\""}, {field::range, "bytes=0-9"}}) == status::ok);
    // No modification date is sent, so the date conditions are ignored (RFC 9110 13.1.3-4).
    CHECK(status_of({{field::if_unmodified_since, "Thu, 01 Jan 1970 00:00:00 GMT"}}) == status::ok);
    CHECK(status_of({{field::if_modified_since, "Fri, 01 Jan 2100 00:00:00 GMT"}}) == status::ok);
}

TEST_CASE("If-None-Match on a method other than GET or HEAD fails instead of 304", "[preconditions]") {
    auto rep = make_representation(shared_bytes::copy_of("x"), "text/plain", "");
    auto ctx = ctx_with({{field::if_none_match, "*"}});
    CHECK(evaluate_preconditions(ctx, rep.identity.etag) == precondition::not_modified);
    ctx.method = verb::post;
    CHECK(evaluate_preconditions(ctx, rep.identity.etag) == precondition::failed);
}

TEST_CASE("a per-request body is compressed in the reader's coding only, and not for a 304", "[representation]") {
    std::string json = "{\"campaigns\":[";
    for (int i = 0; i < 50; ++i) json += "{\"slug\":\"campanha\",\"title\":\"Disque 100\"},";
    json += "{}]}";
    auto const plain = negotiated_representation(ctx_with({}), json, "application/json", "public, max-age=60");
    CHECK(!plain.br);
    CHECK(!plain.gzip);
    CHECK(plain.varies); // a cache must not give these bytes' variant to a reader who asked otherwise
    CHECK(on_wire(serve(ctx_with({}), plain))[field::vary] == "Accept-Encoding");
    auto const br = negotiated_representation(ctx_with({{field::accept_encoding, "gzip, br"}}), json, "application/json", "");
    REQUIRE(br.br);
    CHECK(!br.gzip);
    CHECK(br.br->etag == "\"" + farol::util::content_hash(json) + "-br5\"");
    CHECK(farol::util::brotli_decompress(br.br->bytes.data) == json);
    auto const gz = negotiated_representation(ctx_with({{field::accept_encoding, "gzip"}}), json, "application/json", "");
    REQUIRE(gz.gzip);
    CHECK(farol::util::gzip_decompress(gz.gzip->bytes.data) == json);
    // The reader holds the brotli variant already: nothing is compressed, the answer is a 304.
    auto const ctx = ctx_with({{field::accept_encoding, "br"}, {field::if_none_match, br.br->etag.c_str()}});
    auto const held = negotiated_representation(ctx, json, "application/json", "");
    REQUIRE(held.br);
    CHECK(held.br->bytes.data.empty());
    CHECK(serve(ctx, held).result() == status::not_modified);
}
