#include "http/response.hpp"
#include "http/wire.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <catch2/catch.hpp>

using namespace farol::http;

TEST_CASE("append_head writes the status line, every field in order and the blank line") {
    auto res = make_text(status::not_found, "missing");
    res.set(field::etag, "\"abc\"");
    res.insert("X-Custom", "a: b");
    std::string out = "prefix|";
    append_head(res, out);
    CHECK(out == "prefix|HTTP/1.1 404 Not Found\r\n"
                 "Content-Type: text/plain; charset=utf-8\r\n"
                 "Content-Length: 7\r\n"
                 "ETag: \"abc\"\r\n"
                 "X-Custom: a: b\r\n"
                 "\r\n");
}

TEST_CASE("append_head keeps a custom reason and an unknown status code") {
    response res{static_cast<status>(299), 11};
    res.reason("Custom Thing");
    std::string out;
    append_head(res, out);
    CHECK(out == "HTTP/1.1 299 Custom Thing\r\n\r\n");
}

TEST_CASE("a head written by append_head parses back to the same response") {
    auto res = make_redirect(status::found, "/pt-BR/");
    res.set(field::vary, "Accept-Language");
    res.keep_alive(false);
    std::string wire;
    append_head(res, wire);

    boost::beast::http::response_parser<boost::beast::http::string_body> p;
    boost::beast::error_code ec;
    p.put(boost::asio::buffer(wire), ec);
    REQUIRE_FALSE(ec);
    REQUIRE(p.is_done());
    auto const& back = p.get();
    CHECK(back.result() == status::found);
    CHECK(back[field::location] == "/pt-BR/");
    CHECK(back[field::vary] == "Accept-Language");
    CHECK_FALSE(back.keep_alive());
    CHECK(back.payload_size().value_or(1) == 0);
}

TEST_CASE("append_head writes the payload's prebuilt lines after the fields") {
    auto res = make_empty(status::ok);
    res.body().head_lines = "ETag: \"x\"\r\nVary: Accept-Encoding\r\n";
    res.keep_alive(false);
    std::string out;
    append_head(res, out);
    CHECK(out == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n"
                 "ETag: \"x\"\r\nVary: Accept-Encoding\r\n\r\n");
}
