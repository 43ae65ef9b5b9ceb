#include "util/strings.hpp"

#include <catch2/catch.hpp>

using farol::util::to_valid_utf8;

TEST_CASE("invalid UTF-8 becomes U+FFFD and valid text is kept", "[util]") {
    CHECK(to_valid_utf8("tráfico مرحبا") == "tráfico مرحبا");
    CHECK(to_valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(to_valid_utf8("\xC3(") == "\xEF\xBF\xBD(");
    CHECK(to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");             // overlong '/'
    CHECK(to_valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
    CHECK(to_valid_utf8("\xF4\x90\x80\x80").find("\xF4\x90") == std::string::npos); // beyond U+10FFFF
    CHECK(to_valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // truncated
    CHECK(to_valid_utf8("") == "");
}

TEST_CASE("pieces walks the same trimmed pieces as split, without a vector") {
    for (std::string_view s : {"", "a", "a,", ",a", " gzip , br;q=0.5 ,, x ", ",,", "one"}) {
        std::vector<std::string_view> walked;
        for (auto p : farol::util::pieces(s, ',')) walked.push_back(p);
        CHECK(walked == farol::util::split(s, ','));
    }
}
