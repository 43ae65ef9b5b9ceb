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
                 "ETag: \"abc\"\r\n"
                 "X-Custom: a: b\r\n"
                 "Content-Length: 7\r\n"
                 "\r\n");
}

TEST_CASE("append_head keeps a custom reason and an unknown status code") {
    response res{static_cast<status>(299), 11};
    res.reason("Custom Thing");
    std::string out;
    append_head(res, out);
    CHECK(out == "HTTP/1.1 299 Custom Thing\r\nContent-Length: 0\r\n\r\n");
}

TEST_CASE("a head written by append_head parses back to the same response") {
    auto res = make_redirect(status::found, "/pt-BR/");
    res.set(field::vary, "Accept-Language");
    std::string wire;
    append_head(res, {.keep_alive = false}, wire);

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
    std::string out;
    append_head(res, {.keep_alive = false}, out);
    CHECK(out == "HTTP/1.1 200 OK\r\nETag: \"x\"\r\nVary: Accept-Encoding\r\n"
                 "Content-Length: 0\r\nConnection: close\r\n\r\n");
}

namespace {
std::size_t count_of(std::string const& head, std::string const& needle) {
    std::size_t n = 0;
    for (auto p = head.find(needle); p != std::string::npos; p = head.find(needle, p + 1)) ++n;
    return n;
}
} // namespace

TEST_CASE("the status decides the framing: no Content-Length on 1xx, 204 and 304 (RFC 9110 8.6)") {
    for (auto s : {status::continue_, status::switching_protocols, status::no_content, status::not_modified}) {
        auto res = make_text(s, "ignored");
        res.set(field::content_length, "7"); // a handler's mistake must not reach the wire
        res.set(field::transfer_encoding, "chunked");
        std::string out;
        append_head(res, out);
        INFO(out);
        CHECK(out.find("Content-Length") == std::string::npos);
        CHECK(out.find("Transfer-Encoding") == std::string::npos);
        CHECK(content_to_send(res, false).empty());
    }
    for (auto s : {status::ok, status::partial_content, status::found, status::not_found, status::range_not_satisfiable}) {
        auto res = make_text(s, "four");
        res.set(field::content_length, "99");
        std::string out;
        append_head(res, out);
        INFO(out);
        CHECK(count_of(out, "Content-Length") == 1);
        CHECK(out.find("Content-Length: 4\r\n") != std::string::npos);
        CHECK(content_to_send(res, false) == "four");
    }
}

TEST_CASE("HEAD gets the GET's Content-Length and no content") {
    auto res = make_text(status::ok, "twelve bytes");
    std::string out;
    append_head(res, {.head_request = true}, out);
    CHECK(out.find("Content-Length: 12\r\n") != std::string::npos);
    CHECK(content_to_send(res, true).empty());
}

TEST_CASE("Connection follows the persistence rules of RFC 9112 9.3") {
    auto const head = [](framing f) {
        auto res = make_text(status::ok, "x");
        res.set(field::connection, "upgrade"); // handlers do not decide persistence
        std::string out;
        append_head(res, f, out);
        return out;
    };
    CHECK(head({.keep_alive = true, .request_version = 11}).find("Connection") == std::string::npos);
    CHECK(count_of(head({.keep_alive = false, .request_version = 11}), "Connection: close\r\n") == 1);
    // An HTTP/1.0 client asked for keep-alive: it waits for the confirmation.
    CHECK(count_of(head({.keep_alive = true, .request_version = 10}), "Connection: keep-alive\r\n") == 1);
    CHECK(count_of(head({.keep_alive = false, .request_version = 10}), "Connection: close\r\n") == 1);
}
