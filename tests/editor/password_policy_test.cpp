#include "editor/password_policy.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace farol::editor;

namespace {

// `n` code points drawn from a fixed mix of 1-, 2-, 3- and 4-byte characters by a fixed LCG, so the
// text is the same every run and looks random to the estimator.
std::string varied_text(std::size_t n) {
    static char const* const alphabet[] = {"a", "Q", "7", "#", "z", "K", "\xC3\xA7", "\xC3\xA9",
                                           "\xC3\xB5", "\xE2\x82\xAC", "\xE4\xB8\xAD", "\xF0\x9F\x8C\x8A"};
    std::string out;
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < n; ++i) {
        state = state * 1103515245u + 12345u;
        out += alphabet[(state >> 16) % std::size(alphabet)];
    }
    return out;
}

password_verdict check(std::string_view password) { return check_password(password, {}); }

} // namespace

TEST_CASE("common and guessable passwords are refused as too weak", "[editor][password]") {
    for (char const* weak : {"password", "Password1", "qwertyuiop", "12345678", "iloveyou2", "aaaaaaaaaaaa"}) {
        INFO(weak);
        auto const v = check(weak);
        CHECK_FALSE(v.ok);
        CHECK(v.reason == password_reason::too_weak);
        CHECK(v.score < 3);
    }
}

TEST_CASE("a long passphrase is accepted without any composition rule", "[editor][password]") {
    auto const v = check_password("correct horse battery staple orbit", {"maria"});
    CHECK(v.ok);
    CHECK(v.reason == password_reason::none);
    CHECK(v.score == 4);
    CHECK(check("xoqtuvbemrwazpluk").ok); // lower-case letters only
}

TEST_CASE("the user's own inputs are the estimator's dictionary", "[editor][password]") {
    // Each is strong on its own and weak once the account's inputs are known.
    CHECK(check("joaquimfernandesjoaquimfernandes").ok);
    auto const repeated = check_password("joaquimfernandesjoaquimfernandes", {"joaquimfernandes"});
    CHECK(repeated.reason == password_reason::too_weak);

    CHECK(check("JoaquimFernandes2024").ok);
    CHECK(check_password("JoaquimFernandes2024", {"JoaquimFernandes"}).reason == password_reason::too_weak);

    // An e-mail address lends its words too, not just the whole address.
    CHECK(check("fernandes.joaquim!").ok);
    auto const from_email = check_password("fernandes.joaquim!", {"joaquim.fernandes@example.org"});
    CHECK(from_email.reason == password_reason::too_weak);

    // Empty, short and NUL-holding inputs are harmless.
    CHECK(check_password("correct horse battery staple orbit", {"", "ab", std::string("x\0y", 3)}).ok);
}

TEST_CASE("length is counted in code points, 8 to 128", "[editor][password]") {
    CHECK(check("aB3$kQ9").reason == password_reason::too_short);
    CHECK(check("").reason == password_reason::too_short);
    // 7 two-byte code points are 14 bytes: still too short.
    CHECK(check("\xC3\xA3\xC3\xA7\xC3\xA9\xC3\xAD\xC3\xB5\xC3\xBC\xC3\xB1").reason == password_reason::too_short);
    // 8 'ç' are 8 code points (16 bytes): long enough, refused only for weakness.
    std::string cedillas;
    for (int i = 0; i < 8; ++i) cedillas += "\xC3\xA7";
    CHECK(check(cedillas).reason == password_reason::too_weak);
    CHECK(check("\xC3\xA3\xC3\xA7\xC3\xA9\xC3\xAD\xC3\xB5\xC3\xBC\xC3\xB1\xE2\x82\xAC").ok); // 8 code points

    auto const longest = varied_text(128);
    REQUIRE(longest.size() > 128);
    CHECK(check(longest).ok);
    CHECK(check(varied_text(129)).reason == password_reason::too_long);
    CHECK(check(std::string(128, 'k') + "Zq9!").reason == password_reason::too_long);
}

TEST_CASE("text that is not well-formed UTF-8 is refused", "[editor][password]") {
    for (std::string const& bad : {std::string("\xC3\x28strong-enough-9"), std::string("\xC0\xAFxoqtuvbemrwaz"),
                                  std::string("\xED\xA0\x80xoqtuvbemrwaz"), std::string("xoqtuvbemrwaz\xF0\x9F"),
                                  std::string("xoqtuvbem\0rwazpluk", 18)}) {
        auto const v = check(bad);
        CHECK_FALSE(v.ok);
        CHECK(v.reason == password_reason::invalid_text);
    }
}

TEST_CASE("the score follows zxcvbn's guess thresholds", "[editor][password]") {
    CHECK(zxcvbn_score(0) == 0);
    CHECK(zxcvbn_score(9.9) == 0);   // 2^9.9 < 1e3
    CHECK(zxcvbn_score(10.0) == 1);  // 1024 guesses
    CHECK(zxcvbn_score(19.9) == 1);
    CHECK(zxcvbn_score(20.0) == 2);
    CHECK(zxcvbn_score(26.5) == 2);  // 2^26.5 < 1e8
    CHECK(zxcvbn_score(26.6) == 3);
    CHECK(zxcvbn_score(33.2) == 3);  // 2^33.2 < 1e10
    CHECK(zxcvbn_score(33.3) == 4);
    CHECK(zxcvbn_score(200) == 4);
}

TEST_CASE("each refusal has its own catalog key", "[editor][password]") {
    CHECK(reason_key(password_reason::none).empty());
    CHECK(reason_key(password_reason::too_short) == "password.too_short");
    CHECK(reason_key(password_reason::too_long) == "password.too_long");
    CHECK(reason_key(password_reason::invalid_text) == "password.invalid");
    CHECK(reason_key(password_reason::too_weak) == "password.too_weak");
}
