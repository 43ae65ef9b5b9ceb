#include "editor/recovery_codes.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace farol::editor;

TEST_CASE("recovery codes are ten distinct xxxxx-xxxxx codes of Crockford base32", "[editor][recovery]") {
    auto const codes = new_recovery_codes();
    REQUIRE(codes.size() == 10);
    CHECK(std::set<std::string>(codes.begin(), codes.end()).size() == 10);
    for (auto const& code : codes) {
        INFO(code);
        REQUIRE(code.size() == 11);
        CHECK(code[5] == '-');
        for (std::size_t i = 0; i < code.size(); ++i) {
            if (i == 5) continue;
            CHECK(std::string_view("0123456789abcdefghjkmnpqrstvwxyz").find(code[i]) != std::string_view::npos);
        }
        CHECK(normalise_recovery_code(code) == code.substr(0, 5) + code.substr(6)); // already normal
    }
    CHECK(new_recovery_codes(3).size() == 3);
    CHECK(new_recovery_codes(0).empty());
}

TEST_CASE("recovery codes use the whole alphabet, so each carries 50 bits", "[editor][recovery]") {
    // 2,000 codes are 20,000 symbols: each of the 32 would be missing with probability ~e^-625.
    std::set<char> symbols;
    std::set<std::string> codes;
    for (auto const& code : new_recovery_codes(2000)) {
        codes.insert(code);
        for (char c : code)
            if (c != '-') symbols.insert(c);
    }
    CHECK(symbols.size() == 32);
    CHECK(codes.size() == 2000);
}

TEST_CASE("a recovery code is read however it is typed", "[editor][recovery]") {
    CHECK(normalise_recovery_code("ABCDE-FGHIJ") == "abcdefgh1j");
    CHECK(normalise_recovery_code("abcdefghij") == "abcdefgh1j");
    CHECK(normalise_recovery_code(" abcde fghij ") == "abcdefgh1j");
    CHECK(normalise_recovery_code("0O-oL-l1-Ii") == "00011111"); // look-alikes
    CHECK(normalise_recovery_code("abcde_fghij") == "abcde_fgh1j"); // anything else stays, to stay wrong
    CHECK(normalise_recovery_code("") == "");
}

TEST_CASE("equivalent recovery codes hash alike, different ones do not", "[editor][recovery]") {
    auto const h = hash_recovery_code("abcde-fghij");
    CHECK(h.size() == 64);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(hash_recovery_code("ABCDE-FGHIJ") == h);
    CHECK(hash_recovery_code(" abcde fghij ") == h);
    CHECK(hash_recovery_code("abcdefgh1j") == h);
    CHECK(hash_recovery_code("abcde-fghik") != h);
    CHECK(hash_recovery_code("abcde-fghi") != h);
    // BLAKE2b-256 of the normal form, so a stored hash survives a rebuild.
    CHECK(h == "147aabfc471fb86ba5617219d8902a375fe19788c8a28dd5063bb250e12590b7");
    auto const codes = new_recovery_codes();
    std::set<std::string> hashes;
    for (auto const& code : codes) hashes.insert(hash_recovery_code(code));
    CHECK(hashes.size() == codes.size());
}
