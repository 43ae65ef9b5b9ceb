#include "editor/totp.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace farol::editor;
using std::chrono::seconds;
using std::chrono::system_clock;

namespace {
std::string const rfc_secret = "12345678901234567890"; // RFC 6238 Appendix B, SHA1 seed
system_clock::time_point at(std::int64_t unix_seconds) { return system_clock::time_point(seconds(unix_seconds)); }
} // namespace

TEST_CASE("TOTP codes match RFC 6238 Appendix B (SHA1, 8 digits)", "[editor][totp]") {
    struct vector { std::int64_t time; char const* code; };
    for (auto const& v : {vector{59, "94287082"}, vector{1111111109, "07081804"}, vector{1111111111, "14050471"},
                          vector{1234567890, "89005924"}, vector{2000000000, "69279037"},
                          vector{20000000000, "65353130"}}) {
        INFO(v.time);
        // The step from the time by hand: 20000000000 s (year 2603) is past a nanosecond time_point.
        CHECK(totp_code(rfc_secret, v.time / totp_period_seconds, 8) == v.code);
        if (v.time < 9'000'000'000) CHECK(totp_step(at(v.time)) == v.time / totp_period_seconds);
    }
    CHECK(totp_code(rfc_secret, totp_step(at(59))) == "287082"); // 6 digits: the same value's last six
    CHECK_THROWS_AS(totp_code(rfc_secret, 1, 5), std::invalid_argument);
    CHECK_THROWS_AS(totp_code(rfc_secret, -1, 6), std::invalid_argument);
}

TEST_CASE("TOTP time steps are 30 s from the Unix epoch, floored", "[editor][totp]") {
    CHECK(totp_step(at(0)) == 0);
    CHECK(totp_step(at(29)) == 0);
    CHECK(totp_step(at(30)) == 1);
    CHECK(totp_step(at(59) + std::chrono::milliseconds(999)) == 1);
    CHECK(totp_step(at(-1)) == -1);
}

TEST_CASE("a TOTP code is accepted one step either side of now, not two", "[editor][totp]") {
    auto const now = at(1111111109);
    auto const step = totp_step(now);
    for (std::int64_t offset : {-1, 0, 1}) {
        INFO(offset);
        CHECK(verify_totp(rfc_secret, totp_code(rfc_secret, step + offset), now, 0) == step + offset);
    }
    for (std::int64_t offset : {-2, 2}) {
        INFO(offset);
        CHECK_FALSE(verify_totp(rfc_secret, totp_code(rfc_secret, step + offset), now, 0));
    }
    CHECK_FALSE(verify_totp("another secret 20 by", totp_code(rfc_secret, step), now, 0));
    // Near the epoch there is no step -1 to try, and no exception either.
    CHECK(verify_totp(rfc_secret, totp_code(rfc_secret, 0), at(5), -1) == 0);
}

TEST_CASE("a TOTP step once used cannot be used again", "[editor][totp]") {
    auto const now = at(1234567890);
    auto const step = totp_step(now);
    auto const code = totp_code(rfc_secret, step);
    auto const used = verify_totp(rfc_secret, code, now, 0);
    REQUIRE(used == step);
    CHECK_FALSE(verify_totp(rfc_secret, code, now, *used));
    CHECK_FALSE(verify_totp(rfc_secret, code, now + seconds(20), *used)); // still within the window
    // The previous step's code is older than the one used, so it is refused too.
    CHECK_FALSE(verify_totp(rfc_secret, totp_code(rfc_secret, step - 1), now, *used));
    // The next step's code is newer and still accepted.
    CHECK(verify_totp(rfc_secret, totp_code(rfc_secret, step + 1), now, *used) == step + 1);
}

TEST_CASE("a TOTP code must be exactly six ASCII digits, spaces aside", "[editor][totp]") {
    auto const now = at(2000000000);
    auto const step = totp_step(now);
    auto const code = totp_code(rfc_secret, step);
    CHECK(verify_totp(rfc_secret, code.substr(0, 3) + " " + code.substr(3), now, 0) == step);
    CHECK(verify_totp(rfc_secret, " " + code + " ", now, 0) == step);
    for (std::string const& bad : {code.substr(0, 5), code + "7", code.substr(0, 2) + "a" + code.substr(3),
                                  code + "\n", "\t" + code, "-" + code.substr(1), std::string("12345"),
                                  std::string("1234567"), std::string("12a456"), std::string()}) {
        INFO(bad);
        CHECK_FALSE(verify_totp(rfc_secret, bad, now, 0));
    }
}

TEST_CASE("TOTP secrets are 20 fresh random bytes", "[editor][totp]") {
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
        auto const s = new_totp_secret();
        CHECK(s.size() == 20);
        seen.insert(s);
    }
    CHECK(seen.size() == 20);
}

TEST_CASE("base32 follows RFC 4648 without padding", "[editor][totp]") {
    CHECK(base32("") == "");
    CHECK(base32("f") == "MY");
    CHECK(base32("fo") == "MZXQ");
    CHECK(base32("foo") == "MZXW6");
    CHECK(base32("foob") == "MZXW6YQ");
    CHECK(base32("fooba") == "MZXW6YTB");
    CHECK(base32("foobar") == "MZXW6YTBOI");
    CHECK(base32(std::string("\0\xff", 2)) == "AD7Q");
    CHECK(base32(rfc_secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST_CASE("the otpauth URI percent-encodes issuer and account", "[editor][totp]") {
    CHECK(otpauth_uri("Farol", "ana@example.org", rfc_secret) ==
          "otpauth://totp/Farol:ana%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
          "&issuer=Farol&algorithm=SHA1&digits=6&period=30");
    CHECK(otpauth_uri("Farol Lisboa", "Ana Silva:editor", "x") ==
          "otpauth://totp/Farol%20Lisboa:Ana%20Silva%3Aeditor?secret=PA"
          "&issuer=Farol%20Lisboa&algorithm=SHA1&digits=6&period=30");
    CHECK(otpauth_uri("A&B", "z?=#", "x").find("A%26B:z%3F%3D%23?") != std::string::npos);
}
