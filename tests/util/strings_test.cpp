#include "util/strings.hpp"

#include <catch2/catch.hpp>

TEST_CASE("pieces walks the same trimmed pieces as split, without a vector") {
    for (std::string_view s : {"", "a", "a,", ",a", " gzip , br;q=0.5 ,, x ", ",,", "one"}) {
        std::vector<std::string_view> walked;
        for (auto p : farol::util::pieces(s, ',')) walked.push_back(p);
        CHECK(walked == farol::util::split(s, ','));
    }
}
