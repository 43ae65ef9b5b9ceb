#include "schedule/weighted_cycle.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

using farol::schedule::weighted_cycle;

namespace {
// Per item, the largest |turns − L·w/W| over every window of 1..2W periods, from every start.
std::vector<double> window_errors(std::vector<int> const& weights) {
    weighted_cycle const c(weights);
    auto const total = c.length();
    std::vector<double> worst(weights.size());
    for (std::int64_t start = 0; start < total; ++start) {
        std::vector<std::int64_t> counts(weights.size());
        for (std::int64_t len = 1; len <= 2 * total; ++len) {
            ++counts[c.at(start + len - 1)];
            for (std::size_t i = 0; i < weights.size(); ++i) {
                double const ideal = static_cast<double>(len) * weights[i] / static_cast<double>(total);
                worst[i] = std::max(worst[i], std::abs(static_cast<double>(counts[i]) - ideal));
            }
        }
    }
    return worst;
}
double worst_window_error(std::vector<int> const& weights) {
    auto const e = window_errors(weights);
    return *std::max_element(e.begin(), e.end());
}
} // namespace

TEST_CASE("weighted_cycle gives each item exactly its weight in any W consecutive periods", "[schedule]") {
    for (std::vector<int> const& w : std::vector<std::vector<int>>{{1}, {1, 1}, {3, 1}, {1, 2, 7}, {5, 1, 1}, {1000, 1}, {2, 3, 5, 7, 11}}) {
        weighted_cycle const c(w);
        REQUIRE(c.length() == std::accumulate(w.begin(), w.end(), std::int64_t{0}));
        for (std::int64_t start : {std::int64_t{0}, std::int64_t{3}, std::int64_t{-17}, std::int64_t{492'000}}) {
            std::vector<int> counts(w.size());
            for (std::int64_t k = start; k < start + c.length(); ++k) ++counts[c.at(k)];
            CHECK(counts == w);
        }
    }
}

TEST_CASE("weighted_cycle repeats every W periods, negative periods included", "[schedule]") {
    weighted_cycle const c(std::vector<int>{1, 2, 7});
    for (std::int64_t k = -50; k < 50; ++k) {
        INFO(k);
        CHECK(c.at(k) == c.at(k + 10));
        CHECK(c.at(k) == c.at(k + 10 * 123'457));
    }
}

TEST_CASE("weighted_cycle with two items is within one period of the share over every window", "[schedule]") {
    for (int a = 1; a <= 12; ++a)
        for (int b = 1; b <= 12; ++b) {
            INFO(a << ":" << b);
            CHECK(worst_window_error({a, b}) < 1.0);
        }
}

TEST_CASE("weighted_cycle stays within each item's error bound over every window, for random weight sets", "[schedule]") {
    std::mt19937 rng(11);
    for (int round = 0; round < 150; ++round) {
        std::vector<int> w(2 + rng() % 7);
        for (auto& x : w) x = 1 + static_cast<int>(rng() % 40);
        weighted_cycle const c(w);
        auto const errors = window_errors(w);
        for (std::size_t i = 0; i < w.size(); ++i) {
            INFO(Catch::Detail::stringify(w) << " item " << i);
            CHECK(errors[i] < c.error_bound(i));
            if (w.size() <= 3) CHECK(c.error_bound(i) < 2.0);
        }
    }
}

TEST_CASE("weighted_cycle error bounds: two items under one period, the heaviest of three under one", "[schedule]") {
    weighted_cycle const two(std::vector<int>{3, 1});
    CHECK(two.error_bound(0) == 1.0);
    CHECK(two.error_bound(1) == 1.0);
    weighted_cycle const three(std::vector<int>{1, 2, 7});
    CHECK(three.error_bound(2) == 1.0);
    CHECK(three.error_bound(0) == Approx(1 + 1.0 / 3)); // a third of the 3-weight node
    CHECK(three.error_bound(1) == Approx(1 + 2.0 / 3));
}

TEST_CASE("weighted_cycle spreads turns: 1:2:7 never puts the weight-2 item twice within 4 periods", "[schedule]") {
    weighted_cycle const c(std::vector<int>{1, 2, 7});
    for (std::int64_t k = 0; k < 10; ++k)
        for (std::int64_t d = 1; d < 4; ++d)
            if (c.at(k) != 2) CHECK(c.at(k) != c.at(k + d));
}

TEST_CASE("next_turn is the first period at or after k that the item owns", "[schedule]") {
    for (std::vector<int> const& w : std::vector<std::vector<int>>{{1}, {1, 1}, {3, 1}, {1, 2, 7}, {4, 4, 1, 9, 2}, {50, 1, 1}}) {
        weighted_cycle const c(w);
        for (std::int64_t k = -30; k < 3 * c.length(); ++k)
            for (std::size_t i = 0; i < w.size(); ++i) {
                auto const next = c.next_turn(i, k);
                INFO(Catch::Detail::stringify(w) << " k=" << k << " item " << i);
                REQUIRE(next >= k);
                CHECK(c.at(next) == i);
                for (auto j = k; j < next; ++j) CHECK(c.at(j) != i);
            }
    }
}

TEST_CASE("weighted_cycle depends only on the weights and their order", "[schedule]") {
    weighted_cycle const a(std::vector<int>{3, 1, 2}), b(std::vector<int>{3, 1, 2});
    for (std::int64_t k = 0; k < 60; ++k) CHECK(a.at(k) == b.at(k));
    CHECK_THROWS_AS(weighted_cycle(std::vector<int>{}), std::invalid_argument);
    CHECK_THROWS_AS(weighted_cycle(std::vector<int>{1, 0}), std::invalid_argument);
}
