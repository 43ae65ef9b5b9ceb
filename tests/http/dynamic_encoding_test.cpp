#include "http/dynamic_encoding.hpp"

#include "http/response.hpp"
#include "util/compress.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

namespace {
request_context ctx_accepting(char const* accept_encoding) {
    request_context ctx;
    ctx.method = verb::get;
    if (accept_encoding) ctx.req.set(field::accept_encoding, accept_encoding);
    return ctx;
}

std::string page_of(std::size_t n) {
    std::string s;
    while (s.size() < n) s += "<li><a href=\"/pt-BR/c/reconhecer-o-trafico\">Tráfico de pessoas</a></li>\n";
    return s;
}
} // namespace

TEST_CASE("a per-request body is compressed with the reader's best coding", "[http][encoding]") {
    auto const html = page_of(3000);
    auto res = make_text(status::ok, html, "text/html; charset=utf-8");
    encode_dynamic(ctx_accepting("gzip, deflate, br"), res);
    CHECK(res[field::content_encoding] == "br");
    CHECK(res[field::vary] == "Accept-Encoding");
    CHECK(farol::util::brotli_decompress(res.body().bytes.data) == html);

    auto gz = make_text(status::ok, html, "text/html; charset=utf-8");
    gz.set(field::vary, "Accept-Language");
    encode_dynamic(ctx_accepting("GZIP"), gz);
    CHECK(gz[field::content_encoding] == "gzip");
    CHECK(gz[field::vary] == "Accept-Language, Accept-Encoding");
    CHECK(farol::util::gzip_decompress(gz.body().bytes.data) == html);
}

TEST_CASE("what is not compressed per request", "[http][encoding]") {
    auto const html = page_of(3000);
    SECTION("the reader accepts no coding: identity, but the response still varies") {
        auto res = make_text(status::ok, html, "text/html; charset=utf-8");
        encode_dynamic(ctx_accepting(nullptr), res);
        CHECK(res.find(field::content_encoding) == res.end());
        CHECK(res[field::vary] == "Accept-Encoding");
        CHECK(res.body().bytes.data == html);
    }
    SECTION("small bodies") {
        auto res = make_text(status::ok, page_of(200), "text/html; charset=utf-8");
        encode_dynamic(ctx_accepting("br"), res);
        CHECK(res.find(field::content_encoding) == res.end());
    }
    SECTION("types that do not compress") {
        auto res = make_text(status::ok, html, "image/png");
        encode_dynamic(ctx_accepting("br"), res);
        CHECK(res.find(field::content_encoding) == res.end());
    }
    SECTION("responses negotiated already") {
        auto res = make_text(status::ok, html, "text/html; charset=utf-8");
        res.set(field::vary, "Accept-Encoding, Accept-Language");
        encode_dynamic(ctx_accepting("br"), res);
        CHECK(res.find(field::content_encoding) == res.end());
        CHECK(res.body().bytes.data == html);

        auto prepared = make_text(status::ok, html, "text/html; charset=utf-8");
        prepared.body().head_lines = "ETag: \"x\"\r\n";
        encode_dynamic(ctx_accepting("br"), prepared);
        CHECK(prepared.body().bytes.data == html);
    }
}
