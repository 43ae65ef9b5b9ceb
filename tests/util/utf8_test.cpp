#include "util/utf8.hpp"

#include <catch2/catch.hpp>

using namespace farol::util;

TEST_CASE("invalid UTF-8 becomes U+FFFD and valid text is kept", "[util][utf8]") {
    CHECK(to_valid_utf8("tráfico مرحبا") == "tráfico مرحبا");
    CHECK(to_valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(to_valid_utf8("\xC3(") == "\xEF\xBF\xBD(");
    CHECK(to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");             // overlong '/'
    CHECK(to_valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
    CHECK(to_valid_utf8("\xF4\x90\x80\x80").find("\xF4\x90") == std::string::npos); // beyond U+10FFFF
    CHECK(to_valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // truncated
    CHECK(to_valid_utf8("") == "");
    CHECK(to_valid_utf8("a\xFF" "b", " ") == "a b"); // the search index's replacement
}

TEST_CASE("find_invalid_utf8 points at the first bad byte, code points count characters", "[util][utf8]") {
    CHECK(find_invalid_utf8("tráfico 🚨") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xC3(") == 2);
    CHECK(find_invalid_utf8("\xF0\x9F\x9A") == 0);
    CHECK(find_invalid_utf8("\xEF\xBB\xBFok") == std::string_view::npos); // a BOM is a valid character
    CHECK(utf8_sequence_length("é", 0) == 2);
    CHECK(utf8_sequence_length("🚨", 0) == 4);
    CHECK(code_points("ação") == 4);
    CHECK(code_points("مرحبا") == 5);
}
