#include "http/multipart.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using farol::http::multipart_boundary;
using farol::http::multipart_parser;
using farol::http::part_head;

namespace {
struct recorded_part {
    part_head head;
    std::string content;
};

// Keeps every part whole, for checking what the parser delivered and in which pieces.
struct recorder : farol::http::part_sink {
    std::vector<recorded_part> parts;
    std::size_t data_calls = 0;
    std::string refuse_at_part; // a field name that makes on_part refuse
    std::string on_part(part_head const& h) override {
        if (h.name == refuse_at_part) return "refused";
        parts.push_back({h, {}});
        return {};
    }
    std::string on_data(std::string_view b) override {
        ++data_calls;
        parts.back().content.append(b);
        return {};
    }
    std::string on_part_end() override { return {}; }
};

std::string const body = "preamble to ignore\r\n"
                         "--XyZ\r\n"
                         "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                         "tok3n\r\n"
                         "--XyZ\r\n"
                         "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\Users\\ana\\folheto %22final%22.pdf\"\r\n"
                         "Content-Type: application/pdf\r\n\r\n"
                         "%PDF-1.4\r\n--XyNotTheBoundary\r\n\r\nbinary\r\n"
                         "--XyZ--\r\n"
                         "epilogue";
} // namespace

TEST_CASE("multipart boundaries are read from the Content-Type as RFC 2046 allows them", "[http][multipart]") {
    CHECK(multipart_boundary("multipart/form-data; boundary=abc") == "abc");
    CHECK(multipart_boundary("Multipart/Form-Data;boundary=\"a b'c\"") == "a b'c");
    CHECK(multipart_boundary("multipart/form-data; charset=utf-8; boundary=----WebKitFormBoundary7MA4YWxk") ==
          "----WebKitFormBoundary7MA4YWxk");
    CHECK_FALSE(multipart_boundary("multipart/form-data"));
    CHECK_FALSE(multipart_boundary("multipart/mixed; boundary=abc"));
    CHECK_FALSE(multipart_boundary("application/x-www-form-urlencoded"));
    CHECK_FALSE(multipart_boundary("multipart/form-data; boundary="));
    CHECK_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
    CHECK_FALSE(multipart_boundary("multipart/form-data; boundary=\"ends in space \""));
    CHECK(multipart_boundary("multipart/form-data; boundary=a;b") == "a"); // ';' ends an unquoted value
    CHECK_FALSE(multipart_boundary("multipart/form-data; boundary=\"a\u00e9\""));
}

TEST_CASE("a multipart body gives the same parts whatever pieces it arrives in", "[http][multipart]") {
    for (std::size_t piece : {body.size(), std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{13}}) {
        multipart_parser p("XyZ");
        recorder r;
        for (std::size_t i = 0; i < body.size(); i += piece)
            REQUIRE(p.feed(std::string_view(body).substr(i, piece), r));
        REQUIRE(p.finish());
        INFO("piece " << piece);
        REQUIRE(r.parts.size() == 2);
        CHECK(r.parts[0].head.name == "csrf");
        CHECK_FALSE(r.parts[0].head.filename);
        CHECK(r.parts[0].content == "tok3n");
        CHECK(r.parts[1].head.name == "file");
        CHECK(r.parts[1].head.filename == "folheto %22final%22.pdf"); // the directories an old browser sent dropped
        CHECK(r.parts[1].head.content_type == "application/pdf");
        CHECK(r.parts[1].content == "%PDF-1.4\r\n--XyNotTheBoundary\r\n\r\nbinary");
    }
}

TEST_CASE("a large part reaches the sink in pieces, never held whole", "[http][multipart]") {
    std::string const big(1 << 20, 'x');
    std::string const b = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n" + big + "\r\n--B--";
    multipart_parser p("B");
    recorder r;
    for (std::size_t i = 0; i < b.size(); i += 16384) REQUIRE(p.feed(std::string_view(b).substr(i, 16384), r));
    REQUIRE(p.finish());
    CHECK(r.parts.at(0).content == big);
    CHECK(r.data_calls >= 64);
}

TEST_CASE("malformed multipart bodies are refused with a reason", "[http][multipart]") {
    auto error_of = [](std::string const& b) {
        multipart_parser p("B");
        recorder r;
        r.refuse_at_part = "stop";
        if (p.feed(b, r) && p.finish()) return std::string();
        return p.error();
    };
    CHECK(error_of("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--").empty());
    CHECK(error_of("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end") ==
          "the form data ends before its closing boundary");
    CHECK(error_of("no boundary at all") == "the form data ends before its closing boundary");
    CHECK(error_of("--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--") == "a part has no Content-Disposition: form-data");
    CHECK(error_of("--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--") == "a part is not form-data");
    CHECK(error_of("--B\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--B--") == "a part has no field name");
    CHECK(error_of("--B\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--B--") ==
          "a part's Content-Disposition is malformed");
    CHECK(error_of("--Bjunk\r\n") == "a boundary line is malformed");
    CHECK(error_of("--B\r\nX: " + std::string(multipart_parser::max_head_bytes, 'h')) == "a part's headers are too long");
    CHECK(error_of("--B\r\nContent-Disposition: form-data; name=\"stop\"\r\n\r\nx\r\n--B--") == "refused");
}
