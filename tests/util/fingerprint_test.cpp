#include "util/fingerprint.hpp"

#include <catch2/catch.hpp>

using farol::util::fingerprint;

TEST_CASE("a fingerprint is 32 hex digits that change with any field or its boundaries", "[util]") {
    auto const ab_c = fingerprint().add("ab").add("c").hex();
    CHECK(ab_c.size() == 32);
    CHECK(ab_c.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(fingerprint().add("ab").add("c").hex() == ab_c);
    CHECK(fingerprint().add("a").add("bc").hex() != ab_c);
    CHECK(fingerprint().add("abc").hex() != ab_c);
    CHECK(fingerprint().add("ab").add("c").add("").hex() != ab_c);
    CHECK(fingerprint().add(std::uint64_t{1}).hex() != fingerprint().add(std::uint64_t{2}).hex());
    CHECK(fingerprint().add(std::uint64_t{256}).hex() != fingerprint().add(std::uint64_t{1}).hex());
}
